import { describe, expect, it } from "vitest";
import type { MoodEvent } from "./events.js";
import { moodFromEvents, moodOf } from "./mood-result.js";
import { createMoodState, scoreEvents } from "./mood-state.js";
import { repeat, timeline } from "./test-support/timeline.js";

/** Focus, a few seconds of typing, blur: one field of a calmly filled form, starting at `start`. */
function calmFormFilling(start: number, fields: number, secondsPerField = 12): MoodEvent[] {
  return Array.from({ length: fields }, (_, i) =>
    timeline([start + i * secondsPerField, "focus"], [start + i * secondsPerField + secondsPerField - 2, "blur"]),
  ).flat();
}

describe("whole sessions", () => {
  it("checkout rage: clicks on a pay button that fails, twice, then rage", () => {
    const result = moodFromEvents(
      timeline(
        [0, "page_view", { url: "/checkout" }],
        [8, "focus"],
        [20, "blur"],
        [22, "click", { x: 300, y: 610 }],
        [23, "error", { message: "Payment failed" }],
        [26, "click", { x: 301, y: 612 }],
        [27, "error", { message: "Payment failed" }],
        [28, "rage_click", { x: 300, y: 611 }],
        [31, "rage_click", { x: 299, y: 609 }],
      ),
    );
    expect(result.mood).toBe("frustrated");
    expect(result.signals.slice(0, 2)).toEqual(["rage_click_detected", "repeated_errors"]);
    expect(result.confidence).toBeGreaterThan(0.6);
    expect(result.suggested_action).toBe("show_live_chat");
  });

  it("hesitant sign-up: long typing pauses, hovering over help, going back up", () => {
    const result = moodFromEvents(
      timeline(
        [0, "page_view", { url: "/signup" }],
        [5, "focus"],
        [12, "input_pause", { duration_ms: 5200 }],
        [16, "hover", { duration_ms: 2400 }],
        [20, "blur"],
        [21, "focus"],
        [30, "input_pause", { duration_ms: 3100 }],
        [33, "backtrack"],
        [36, "hover", { duration_ms: 1900 }],
      ),
    );
    expect(result.mood).toBe("confused");
    expect(result.signals).toEqual(expect.arrayContaining(["input_hesitation", "hover_hesitation", "backtrack_detected"]));
  });

  it("relaxed blog reading: a few articles read with moderate scrolling", () => {
    const result = moodFromEvents([
      ...timeline([0, "page_view", { url: "/blog" }], [12, "click", { x: 200, y: 300 }]),
      ...timeline([14, "page_view", { url: "/blog/post-1" }]),
      ...repeat(5, "scroll", 25, 15, { speed: 450, direction: "down" }),
      ...timeline([110, "page_view", { url: "/blog/post-2" }]),
      ...repeat(4, "scroll", 125, 15, { speed: 520, direction: "down" }),
    ]);
    expect(result.mood).toBe("browsing");
    expect(result.suggested_action).toBe("no_action");
  });

  it("tab left for ten minutes: disengaged while away and when back", () => {
    const browsed = [...timeline([0, "page_view"], [30, "page_view"]), ...repeat(6, "scroll", 35, 5, { speed: 500 })];
    // The page reports an absence once it has lasted long, and again with its full length on return.
    const stillAway = [...browsed, ...timeline([180, "idle", { duration_ms: 120_000 }])];
    const back = [...stillAway, ...timeline([660, "idle", { duration_ms: 600_000 }])];
    for (const events of [stillAway, back]) {
      const result = moodFromEvents(events);
      expect(result.mood).toBe("disengaged");
      expect(result.signals[0]).toBe("long_idle");
      expect(result.suggested_action).toBe("show_exit_offer");
    }
  });

  it("calm reader: a long article read with 15 s pauses, some spent in another tab, is browsing and left alone", () => {
    const result = moodFromEvents([
      ...timeline([0, "page_view", { url: "/blog/long-read" }]),
      ...repeat(12, "scroll", 10, 17, { speed: 350, direction: "down" }),
      ...timeline([60, "idle", { duration_ms: 15_000 }], [130, "idle", { duration_ms: 20_000 }], [205, "idle", { duration_ms: 18_000 }]),
    ]);
    expect(result.mood).toBe("browsing");
    expect(result.suggested_action).toBe("no_action");
  });

  it("a long read of two articles with reading pauses is browsing, with no exit offer", () => {
    const result = moodFromEvents([
      ...timeline([0, "page_view", { url: "/blog/post-1" }]),
      ...repeat(8, "scroll", 10, 15, { speed: 420, direction: "down" }),
      ...timeline([135, "idle", { duration_ms: 16_000 }], [150, "page_view", { url: "/blog/post-2" }]),
      ...repeat(6, "scroll", 165, 15, { speed: 380, direction: "down" }),
      ...timeline([260, "idle", { duration_ms: 20_000 }]),
    ]);
    expect(result.mood).toBe("browsing");
    expect(result.suggested_action).not.toBe("show_exit_offer");
  });

  it("one dead click or one back navigation after a page view suggests nothing", () => {
    for (const slip of [timeline([6, "click", { dead: true }]), timeline([6, "back_nav"])]) {
      const result = moodFromEvents([...timeline([0, "page_view", { url: "/pricing" }], [3, "scroll", { speed: 400 }]), ...slip]);
      expect(result.suggested_action).toBe("no_action");
    }
  });

  it("a visitor who comes back from two minutes away and reads on is no longer disengaged", () => {
    const result = moodFromEvents([
      ...timeline([0, "page_view"], [125, "idle", { duration_ms: 120_000 }]),
      ...repeat(4, "scroll", 140, 8, { speed: 400 }),
      ...timeline([170, "page_view"], [180, "scroll", { speed: 380 }]),
    ]);
    expect(result.mood).toBe("browsing");
  });

  it("recovery after frustration: raged ten minutes ago, calmly filling a form since", () => {
    const result = moodFromEvents([
      ...timeline([0, "page_view"], [2, "rage_click"], [3, "error"], [4, "rage_click"], [5, "error"], [6, "back_nav"]),
      ...timeline([10, "page_view", { url: "/contact" }]),
      ...calmFormFilling(20, 50),
    ]);
    expect(result.mood).toBe("focused");
    expect(result.scores.frustrated).toBeLessThan(0.1);
  });

  it("frustration wins over earlier calm when it is what happens now", () => {
    const result = moodFromEvents([
      ...calmFormFilling(0, 10),
      ...timeline([125, "click"], [126, "error"], [127, "rage_click"], [128, "error"], [129, "rage_click"]),
    ]);
    expect(result.mood).toBe("frustrated");
  });

  it("a late batch of older events gives exactly the in-order result, timeline included", () => {
    const session = [
      ...timeline([0, "page_view", { url: "/checkout" }], [8, "focus"], [20, "blur"], [22, "click", { x: 300, y: 610 }]),
      ...timeline([23, "error"], [26, "click"], [27, "error"], [28, "rage_click"], [31, "rage_click"]),
    ];
    const inOrder = scoreEvents(createMoodState(), session);
    // The second batch was sent first and the first was retried after it.
    const late = scoreEvents(scoreEvents(createMoodState(), session.slice(4)), session.slice(0, 4));
    expect(late).toEqual(inOrder);
    expect(moodOf(late)).toEqual(moodOf(inOrder));
    expect(moodOf(late).mood).toBe("frustrated");
  });
});
