import { describe, expect, it } from "vitest";
import { ACTION_BY_MOOD, EVENT_TYPES, MOODS, TUNING, createMoodState, moodFromEvents, moodOf, scoreEvent, scoreEvents } from "../src/index.js";
import { loadFixtures } from "./corpus/fixtures.js";

const fixtures = loadFixtures();

describe("the recorded corpus", () => {
  it("holds at least 40 labelled sessions, about half of them calm", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(40);
    const calm = fixtures.filter((f) => !f.label.intervention).length;
    expect(calm / fixtures.length).toBeGreaterThan(0.35);
    expect(calm / fixtures.length).toBeLessThan(0.65);
  });

  describe.each(fixtures.map((f) => [f.id, f] as const))("%s", (_id, fixture) => {
    it("is a labelled session of known events in time order", () => {
      expect(MOODS).toContain(fixture.label.mood);
      expect(fixture.events.length).toBeGreaterThan(0);
      for (const event of fixture.events) expect(EVENT_TYPES).toContain(event.type);
      const times = fixture.events.map((e) => e.ts!);
      expect(times).toEqual([...times].sort((a, b) => a - b));
    });

    it("scores to a mood with its action and a confidence in [0, 1]", () => {
      const result = moodFromEvents(fixture.events);
      expect(MOODS).toContain(result.mood);
      const acts = result.confidence >= TUNING.minActionConfidence;
      expect(result.suggested_action).toBe(acts ? ACTION_BY_MOOD[result.mood] : "no_action");
      expect(result.confidence).toBeGreaterThanOrEqual(0);
      expect(result.confidence).toBeLessThanOrEqual(1);
    });

    it("gets the same mood whether its events arrive in one batch, one by one, or in the SDK's batches of 20", () => {
      const whole = moodOf(scoreEvents(createMoodState(), fixture.events));
      const oneByOne = moodOf(fixture.events.reduce(scoreEvent, createMoodState()));
      let batched = createMoodState();
      for (let i = 0; i < fixture.events.length; i += 20) batched = scoreEvents(batched, fixture.events.slice(i, i + 20));
      expect(oneByOne).toEqual(whole);
      expect(moodOf(batched)).toEqual(whole);
    });
  });

  // The tuning's promises on real sessions, as regression tests; `pnpm eval` reports the rest.
  it.each(fixtures.filter((f) => !f.label.intervention).map((f) => [f.id, f] as const))(
    "%s, a calm session, is shown nothing",
    (_id, fixture) => {
      expect(moodFromEvents(fixture.events).suggested_action).toBe("no_action");
    },
  );

  it.each(fixtures.filter((f) => f.label.mood === "frustrated").map((f) => [f.id, f] as const))(
    "%s, a frustrated session, is judged frustrated",
    (_id, fixture) => {
      expect(moodFromEvents(fixture.events).mood).toBe("frustrated");
    },
  );
});
