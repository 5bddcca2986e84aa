import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EVENT_TYPES, type MoodEvent } from "./events.js";
import { moodFromEvents, moodOf } from "./mood-result.js";
import { createMoodState, scoreEvent, scoreEvents, type MoodState } from "./mood-state.js";

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
});
