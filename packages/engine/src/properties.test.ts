import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EVENT_TYPES, type MoodEvent } from "./events.js";
import { moodFromEvents, moodOf } from "./mood-result.js";
import { createMoodState, isCurrentState, scoreEvent, scoreEvents, type MoodState } from "./mood-state.js";
import { TUNING } from "./tuning.js";

const eventArbitrary: fc.Arbitrary<MoodEvent> = fc.record(
  {
    type: fc.constantFrom(...EVENT_TYPES),
    ts: fc.double({ min: 1.7e9, max: 1.7e9 + 3600, noNaN: true }),
    x: fc.nat(4000),
    y: fc.nat(4000),
    dead: fc.boolean(),
    speed: fc.double({ min: 0, max: 20_000, noNaN: true }),
    direction: fc.constantFrom("up" as const, "down" as const),
    duration_ms: fc.nat(120_000),
  },
  { requiredKeys: ["type"] },
);

/** Sessions with timestamps in any order, so late-arriving events are covered too. */
const sessionArbitrary = fc.array(eventArbitrary, { maxLength: 80 });

/**
 * Events that all carry a `ts`, often equal ones (ties need the canonical order), sometimes
 * more than the state keeps within its window (trimming must not depend on order either).
 */
const timedEventArbitrary: fc.Arbitrary<MoodEvent> = fc
  .tuple(eventArbitrary, fc.oneof(fc.integer({ min: 1.7e9, max: 1.7e9 + 20 }), fc.double({ min: 1.7e9, max: 1.7e9 + 3600, noNaN: true })))
  .map(([event, ts]) => ({ ...event, ts }));
const timedSessionArbitrary = fc.oneof(
  { arbitrary: fc.array(timedEventArbitrary, { maxLength: 40, size: "max" }), weight: 3 },
  { arbitrary: fc.array(timedEventArbitrary, { minLength: TUNING.recentEvents, maxLength: 3 * TUNING.recentEvents, size: "max" }), weight: 1 },
);

/** The same events as they might reach a server: shuffled, cut into batches, some saved as JSON between. */
const deliveryArbitrary = timedSessionArbitrary.chain((events) =>
  fc.record({
    events: fc.constant(events),
    arrival: fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
    cuts: fc.uniqueArray(fc.nat(events.length), { maxLength: 12 }).map((p) => p.sort((a, b) => a - b)),
    saved: fc.array(fc.boolean(), { minLength: 13, maxLength: 13 }),
  }),
);

function inTimeOrder(events: readonly MoodEvent[]): MoodEvent[] {
  return [...events].sort((a, b) => a.ts! - b.ts!);
}

const splitPoints = (length: number) => fc.uniqueArray(fc.nat(length), { maxLength: 6 }).map((p) => p.sort((a, b) => a - b));

describe("engine properties", () => {
  it("the same events always give the same result", () => {
    fc.assert(
      fc.property(sessionArbitrary, (events) => {
        expect(moodFromEvents(events)).toEqual(moodFromEvents(structuredClone(events)));
      }),
    );
  });

  it("scoring in any batches gives the same state as scoring all at once", () => {
    fc.assert(
      fc.property(
        sessionArbitrary.chain((events) => fc.tuple(fc.constant(events), splitPoints(events.length))),
        ([events, cuts]) => {
          let state = createMoodState();
          let from = 0;
          for (const cut of [...cuts, events.length]) {
            state = scoreEvents(state, events.slice(from, cut));
            from = cut;
          }
          expect(state).toEqual(scoreEvents(createMoodState(), events));
        },
      ),
    );
  });

  it("scoring event by event gives the same state as scoring the batch", () => {
    fc.assert(
      fc.property(sessionArbitrary, (events) => {
        const oneByOne = events.reduce<MoodState>(scoreEvent, createMoodState());
        expect(oneByOne).toEqual(scoreEvents(createMoodState(), events));
      }),
    );
  });

  it("a state saved as JSON and restored continues exactly as if never saved", () => {
    fc.assert(
      fc.property(sessionArbitrary, sessionArbitrary, (before, after) => {
        const saved: MoodState = JSON.parse(JSON.stringify(scoreEvents(createMoodState(), before)));
        expect(moodOf(scoreEvents(saved, after))).toEqual(moodFromEvents([...before, ...after]));
      }),
    );
  });

  it("scoring leaves the state it was given untouched", () => {
    fc.assert(
      fc.property(sessionArbitrary, eventArbitrary, (events, event) => {
        const state = scoreEvents(createMoodState(), events);
        const copy = structuredClone(state);
        scoreEvent(state, event);
        scoreEvents(state, [event, event]);
        expect(state).toEqual(copy);
      }),
    );
  });

  it("confidence is always between 0 and 1 and every score is finite", () => {
    fc.assert(
      fc.property(sessionArbitrary, (events) => {
        const result = moodFromEvents(events);
        expect(result.confidence).toBeGreaterThanOrEqual(0);
        expect(result.confidence).toBeLessThanOrEqual(1);
        for (const score of Object.values(result.scores)) expect(Number.isFinite(score)).toBe(true);
      }),
    );
  });

  it("the state depends only on which events arrived, never on their order, batches or saving", () => {
    fc.assert(
      fc.property(deliveryArbitrary, ({ events, arrival, cuts, saved }) => {
        let state = createMoodState();
        let from = 0;
        [...cuts, arrival.length].forEach((cut, i) => {
          const batch = arrival.slice(from, cut);
          state = batch.length === 1 ? scoreEvent(state, batch[0]!) : scoreEvents(state, batch);
          if (saved[i]) state = JSON.parse(JSON.stringify(state)) as MoodState;
          from = cut;
        });
        const inOrder = scoreEvents(createMoodState(), inTimeOrder(events));
        expect(state).toEqual(inOrder);
        expect(moodOf(state)).toEqual(moodOf(inOrder));
      }),
    );
  });

  it("events arriving one by one in any order give, at each step, the state of those events in time order", () => {
    fc.assert(
      fc.property(
        timedSessionArbitrary.chain((events) => fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length })),
        (arrival) => {
          let state = createMoodState();
          arrival.forEach((event, i) => {
            state = scoreEvent(state, event);
            expect(state).toEqual(scoreEvents(createMoodState(), inTimeOrder(arrival.slice(0, i + 1))));
          });
        },
      ),
      { numRuns: 30 },
    );
  });

  it("the state stays small and current however many events are scored", () => {
    fc.assert(
      fc.property(timedSessionArbitrary, (events) => {
        const state = scoreEvents(createMoodState(), events);
        expect(state.recent.length / 2).toBeLessThanOrEqual(TUNING.recentEvents);
        expect(state.events).toBe(events.length);
        expect(isCurrentState(JSON.parse(JSON.stringify(state)))).toBe(true);
      }),
    );
  });
});
