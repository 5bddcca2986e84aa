import { effectScope } from "vue";
import { describe, expect, it } from "vitest";
import type { CurrentMood, Tracker } from "./options.js";
import { useSessionMood } from "./vue.js";

/** A tracker whose updates the test sends itself. */
function fakeTracker(initial: CurrentMood | null) {
  const listeners = new Set<(mood: CurrentMood) => void>();
  let mood = initial;
  const tracker = {
    getMood: () => mood,
    onUpdate(callback: (mood: CurrentMood) => void) {
      listeners.add(callback);
      return () => void listeners.delete(callback);
    },
  } as unknown as Tracker;
  const update = (next: CurrentMood) => {
    mood = next;
    for (const listener of listeners) listener(next);
  };
  return { tracker, update, listeners };
}

const frustrated: CurrentMood = { mood: "frustrated", confidence: 0.7, signals: ["rage_click_detected"], suggested_action: "show_live_chat" };

describe("useSessionMood for Vue", () => {
  it("is the tracker's mood, follows its updates, and lets go when its scope ends", () => {
    const { tracker, update, listeners } = fakeTracker(null);
    const scope = effectScope();
    const mood = scope.run(() => useSessionMood(tracker))!;
    expect(mood.value).toBeNull();
    update(frustrated);
    expect(mood.value).toEqual(frustrated);
    scope.stop();
    expect(listeners.size).toBe(0);
  });

  it("without a tracker it is null", () => {
    expect(useSessionMood(null).value).toBeNull();
  });
});
