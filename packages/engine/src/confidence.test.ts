import { describe, expect, it } from "vitest";
import { moodFromEvents } from "./mood-result.js";
import { repeat, timeline } from "./test-support/timeline.js";

describe("confidence", () => {
  it("grows as more events agree on the same mood", () => {
    const few = moodFromEvents(repeat(3, "rage_click", 0, 2));
    const many = moodFromEvents(repeat(12, "rage_click", 0, 2));
    expect(few.mood).toBe("frustrated");
    expect(many.mood).toBe("frustrated");
    expect(many.confidence).toBeGreaterThan(few.confidence);
  });

  it("drops when the evidence points two ways at once", () => {
    const clear = moodFromEvents(timeline([0, "page_view"], [1, "rage_click"], [2, "rage_click"], [3, "error"], [4, "error"]));
    const mixed = moodFromEvents(
      timeline([0, "page_view"], [1, "rage_click"], [2, "idle", { duration_ms: 30_000 }], [3, "error"], [4, "idle", { duration_ms: 30_000 }]),
    );
    expect(clear.mood).toBe("frustrated");
    expect(mixed.confidence).toBeLessThan(clear.confidence);
  });

  it("is high for a long, unambiguous session", () => {
    expect(moodFromEvents(repeat(20, "rage_click", 0, 1)).confidence).toBeGreaterThan(0.8);
  });
});

describe("recency", () => {
  it("old frustration has faded from the scores ten minutes later", () => {
    const fresh = moodFromEvents(timeline([0, "rage_click"], [1, "rage_click"], [2, "page_view"]));
    const stale = moodFromEvents(timeline([0, "rage_click"], [1, "rage_click"], [600, "page_view"]));
    expect(stale.scores.frustrated).toBeLessThan(fresh.scores.frustrated / 50);
  });

  it("an event that arrives late counts exactly as old as its timestamp says", () => {
    const inOrder = moodFromEvents(timeline([0, "error"], [300, "page_view"], [301, "scroll"]));
    const late = moodFromEvents(timeline([300, "page_view"], [301, "scroll"], [0, "error"]));
    expect(late).toEqual(inOrder);
  });
});
