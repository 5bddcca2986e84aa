import { describe, expect, it } from "vitest";
import { moodFromEvents, moodOf } from "./mood-result.js";
import { createMoodState, scoreEvents } from "./mood-state.js";
import { repeat, timeline } from "./test-support/timeline.js";
import { TUNING } from "./tuning.js";

describe("frustrated", () => {
  it("a visitor who rage-clicks is frustrated and live chat is offered", () => {
    const result = moodFromEvents(timeline([0, "page_view"], [3, "click"], [5, "rage_click"], [6, "rage_click"]));
    expect(result.mood).toBe("frustrated");
    expect(result.signals[0]).toBe("rage_click_detected");
    expect(result.suggested_action).toBe("show_live_chat");
  });

  it("a visitor who hits two errors is frustrated by repeated errors", () => {
    const result = moodFromEvents(timeline([0, "page_view"], [4, "click"], [5, "error"], [9, "click"], [10, "error"]));
    expect(result.mood).toBe("frustrated");
    expect(result.signals).toContain("repeated_errors");
  });

  it("a visitor who goes back after clicks that did nothing is frustrated", () => {
    const result = moodFromEvents(
      timeline([0, "page_view"], [2, "click", { dead: true }], [3, "click", { dead: true }], [5, "back_nav"]),
    );
    expect(result.mood).toBe("frustrated");
    expect(result.signals).toEqual(expect.arrayContaining(["dead_click_detected", "back_navigation"]));
  });

});

describe("confused", () => {
  it("scrolling at speed is hunting for something, which counts towards confusion, not anger", () => {
    const calm = moodFromEvents(timeline([0, "page_view"], [1, "backtrack"], [2, "scroll", { speed: 500 }]));
    const hunting = moodFromEvents(timeline([0, "page_view"], [1, "backtrack"], [2, "scroll", { speed: 6000 }]));
    expect(hunting.scores.confused).toBeGreaterThan(calm.scores.confused);
    expect(hunting.scores.frustrated).toBe(calm.scores.frustrated);
    expect(hunting.signals).toContain("fast_scroll");
  });

  it("a visitor who scrolls back and forth and hovers long is confused and gets a tooltip", () => {
    const result = moodFromEvents(
      timeline([0, "page_view"], [5, "backtrack"], [9, "hover", { duration_ms: 2500 }], [14, "backtrack"]),
    );
    expect(result.mood).toBe("confused");
    expect(result.signals).toEqual(expect.arrayContaining(["backtrack_detected", "hover_hesitation"]));
    expect(result.suggested_action).toBe("show_tooltip");
  });

  it("a visitor who pauses for 2.5 s or more while typing is confused", () => {
    const result = moodFromEvents(
      timeline([0, "page_view"], [2, "focus"], [8, "input_pause", { duration_ms: 4000 }], [15, "input_pause", { duration_ms: 3000 }]),
    );
    expect(result.mood).toBe("confused");
    expect(result.signals[0]).toBe("input_hesitation");
  });

  it("typing pauses shorter than 2.5 s are not hesitation", () => {
    const result = moodFromEvents(
      timeline([0, "page_view"], [2, "focus"], [8, "input_pause", { duration_ms: 900 }], [15, "input_pause", { duration_ms: 1200 }]),
    );
    expect(result.mood).not.toBe("confused");
    expect(result.signals).not.toContain("input_hesitation");
  });

  it("a single error leaves a visitor confused, not frustrated", () => {
    const result = moodFromEvents(timeline([0, "page_view"], [3, "scroll", { speed: 300 }], [6, "error"]));
    expect(result.mood).toBe("confused");
    expect(result.signals).toContain("error_encountered");
  });

  it("a visitor who jumps through four pages in seconds is confused, not browsing", () => {
    const result = moodFromEvents(repeat(5, "page_view", 0, 3));
    expect(result.mood).toBe("confused");
    expect(result.signals).toContain("high_page_churn");
  });

  it("a click that does nothing also reads as confusion", () => {
    const result = moodFromEvents(timeline([0, "page_view"], [4, "click", { dead: true }], [8, "hover", { duration_ms: 2000 }]));
    expect(result.scores.confused).toBeGreaterThan(0);
  });
});

describe("decisive", () => {
  it("a visitor who clicks straight through and focuses a field is decisive", () => {
    const result = moodFromEvents(timeline([0, "page_view"], [1.5, "click"], [3, "click"], [4, "focus"]));
    expect(result.mood).toBe("decisive");
    expect(result.signals).toEqual(expect.arrayContaining(["fast_direct_interactions", "form_engagement"]));
    expect(result.suggested_action).toBe("no_action");
  });

  it("clicks after long hesitation are not direct", () => {
    const result = moodFromEvents(timeline([0, "page_view"], [1, "hover", { duration_ms: 3000 }], [2, "click"]));
    expect(result.signals).not.toContain("fast_direct_interactions");
  });
});

describe("browsing", () => {
  it("a visitor reading two pages with moderate scrolling is browsing, and is left alone", () => {
    const result = moodFromEvents(
      timeline([0, "page_view"], [15, "scroll", { speed: 400 }], [40, "page_view"], [55, "scroll", { speed: 600 }]),
    );
    expect(result.mood).toBe("browsing");
    expect(result.signals).toEqual(expect.arrayContaining(["multi_page_browse", "moderate_scrolling"]));
    expect(result.suggested_action).toBe("no_action");
  });
});

describe("disengaged", () => {
  it("a visitor away for two minutes is disengaged and gets an exit offer", () => {
    const result = moodFromEvents(timeline([0, "page_view"], [3, "scroll"], [125, "idle", { duration_ms: 120_000 }]));
    expect(result.mood).toBe("disengaged");
    expect(result.signals[0]).toBe("long_idle");
    expect(result.suggested_action).toBe("show_exit_offer");
  });

  it("an absence of 15 s or less is not disengagement", () => {
    const result = moodFromEvents(timeline([0, "page_view"], [3, "scroll"], [20, "idle", { duration_ms: 15_000 }]));
    expect(result.mood).not.toBe("disengaged");
    expect(result.signals).not.toContain("long_idle");
  });

  it("ten minutes away weighs far more than half a minute, which weighs little", () => {
    const away = (ms: number) => moodFromEvents(timeline([0, "page_view"], [3, "scroll"], [4, "idle", { duration_ms: ms }]));
    expect(away(30_000).scores.disengaged).toBeLessThan(TUNING.neutralFloor * 2);
    expect(away(600_000).scores.disengaged).toBeGreaterThan(away(30_000).scores.disengaged * 4);
  });

  it("a visitor who leaves a field and never comes back to the form is disengaged", () => {
    const result = moodFromEvents(timeline([0, "page_view"], [2, "focus"], [6, "blur"], [20, "scroll", { speed: 200 }]));
    expect(result.mood).toBe("disengaged");
    expect(result.signals).toContain("form_abandonment");
  });

  it("moving from one field to the next is not abandonment", () => {
    const result = moodFromEvents(timeline([0, "page_view"], [2, "focus"], [6, "blur"], [7, "focus"], [20, "blur"]));
    expect(result.signals).not.toContain("form_abandonment");
  });
});

describe("focused", () => {
  it("a visitor working steadily through a form is focused and left alone", () => {
    const events = timeline(
      [0, "page_view"],
      ...([4, 10, 16, 22, 28, 34] as const).flatMap((t): [number, "focus" | "blur"][] => [
        [t, "focus"],
        [t + 5, "blur"],
      ]),
    );
    const result = moodFromEvents(events);
    expect(result.mood).toBe("focused");
    expect(result.signals).toEqual(expect.arrayContaining(["steady_interaction_pattern", "sustained_form_work"]));
    expect(result.suggested_action).toBe("no_action");
  });

  it("a visitor stuck 7 s over a field mid-form is not in a sustained stretch of form work; 4 s of thinking is", () => {
    const stuckFor = (ms: number) =>
      moodFromEvents(
        timeline([0, "page_view"], [1, "focus"], [2, "blur"], [2, "focus"], [8, "input_pause", { duration_ms: ms }], [9, "blur"], [9, "focus"], [20, "blur"]),
      );
    expect(stuckFor(7000).signals).not.toContain("sustained_form_work");
    expect(stuckFor(4000).signals).toContain("sustained_form_work");
  });
});

describe("neutral", () => {
  it("with fewer than three events a session is neutral with low confidence", () => {
    const result = moodFromEvents(timeline([0, "rage_click"], [1, "rage_click"]));
    expect(result.mood).toBe("neutral");
    expect(result.signals).toEqual(["few_events"]);
    expect(result.confidence).toBeLessThan(0.2);
  });

  it("an empty session is neutral with zero confidence", () => {
    expect(moodFromEvents([])).toMatchObject({ mood: "neutral", confidence: 0, suggested_action: "no_action" });
  });

  it("events too weak to mean anything leave a session neutral", () => {
    const result = moodFromEvents(timeline([0, "hover", { duration_ms: 200 }], [1, "idle", { duration_ms: 500 }], [2, "blur"]));
    expect(result.mood).toBe("neutral");
    expect(result.signals).toEqual(["no_strong_signal"]);
  });
});

describe("suggested action", () => {
  const rage = timeline([0, "page_view"], [3, "click"], [5, "rage_click"], [6, "rage_click"]);

  it("one click that did nothing is reported but not acted on", () => {
    const result = moodFromEvents(timeline([0, "page_view"], [2, "scroll", { speed: 400 }], [3, "click", { dead: true }]));
    expect(result.mood).toBe("frustrated");
    expect(result.confidence).toBeLessThan(TUNING.minActionConfidence);
    expect(result.suggested_action).toBe("no_action");
  });

  it("a policy replaces the default action of the moods it names", () => {
    expect(moodOf(scoreEvents(createMoodState(), rage), { frustrated: "show_tooltip" }).suggested_action).toBe("show_tooltip");
    expect(moodOf(scoreEvents(createMoodState(), rage), { confused: "no_action" }).suggested_action).toBe("show_live_chat");
  });

  it("a policy does not act on thin evidence either", () => {
    const thin = scoreEvents(createMoodState(), timeline([0, "page_view"], [2, "scroll"], [5, "back_nav"]));
    expect(moodOf(thin, { frustrated: "show_tooltip" }).suggested_action).toBe("no_action");
  });
});

describe("repeated clicks", () => {
  it("a visitor hammering a button that does nothing is frustrated, not decisive", () => {
    const hammering = repeat(5, "click", 1, 0.25, { x: 454, y: 399 });
    const result = moodFromEvents([
      ...timeline([0, "page_view"]),
      ...hammering.slice(0, 3),
      ...timeline([1.6, "rage_click", { x: 454, y: 399 }]),
      ...hammering.slice(3),
    ]);
    expect(result.mood).toBe("frustrated");
    expect(result.signals).not.toContain("fast_direct_interactions");
  });
});
