import { describe, expect, it } from "vitest";
import type { MoodEvent } from "./events.js";
import { moodFromEvents } from "./mood-result.js";
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
    expect(result.suggested_action).toBe("show_recommendations");
  });

  it("tab left idle: a visitor who browsed and then walked away is disengaged", () => {
    const result = moodFromEvents([
      ...timeline([0, "page_view"], [30, "page_view"]),
      ...repeat(6, "scroll", 35, 5, { speed: 500 }),
      ...timeline([75, "idle", { duration_ms: 10_000 }], [95, "idle", { duration_ms: 30_000 }]),
    ]);
    expect(result.mood).toBe("disengaged");
    expect(result.signals[0]).toBe("long_idle");
  });

  it("a visitor who comes back from idle is no longer disengaged", () => {
    const result = moodFromEvents([
      ...timeline([0, "page_view"], [20, "idle", { duration_ms: 15_000 }]),
      ...repeat(4, "scroll", 40, 8, { speed: 400 }),
      ...timeline([70, "page_view"], [80, "scroll", { speed: 380 }]),
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
});
