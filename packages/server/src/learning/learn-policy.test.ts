import { describe, expect, test } from "vitest";
import { DEFAULT_SETTINGS } from "../settings/account-settings.js";
import type { ActionStats } from "../store/storage.js";
import { learnPolicy } from "./learn-policy.js";

const rated = (action: string, rated: number, helpful: number, mood: ActionStats["mood"] = "frustrated"): ActionStats => ({
  mood,
  action,
  rated,
  helpful,
});

describe("learning a policy from rated feedback", () => {
  test("an action that clearly works better than the default replaces it", () => {
    const stats = [rated("show_live_chat", 30, 6), rated("show_tooltip", 30, 27)];
    expect(learnPolicy(stats, DEFAULT_SETTINGS)).toEqual({ frustrated: "show_tooltip" });
  });

  test("five glowing ratings are not enough", () => {
    const stats = [rated("show_live_chat", 30, 3), rated("show_tooltip", 5, 5)];
    expect(learnPolicy(stats, DEFAULT_SETTINGS)).toEqual({});
  });

  test("a small difference is not enough, even with many ratings", () => {
    const stats = [rated("show_live_chat", 200, 100), rated("show_tooltip", 200, 120)];
    expect(learnPolicy(stats, DEFAULT_SETTINGS)).toEqual({});
  });

  test("a default never tried is never beaten", () => {
    expect(learnPolicy([rated("show_tooltip", 100, 95)], DEFAULT_SETTINGS)).toEqual({});
  });

  test("of two clear winners the one with the higher lower bound wins, whatever the order of the rows", () => {
    const stats = [
      rated("show_live_chat", 40, 4),
      rated("show_tooltip", 40, 30),
      rated("show_exit_offer", 40, 38),
      rated("show_live_chat", 40, 30, "confused"),
    ];
    expect(learnPolicy(stats, DEFAULT_SETTINGS)).toEqual({ frustrated: "show_exit_offer" });
    expect(learnPolicy([...stats].reverse(), DEFAULT_SETTINGS)).toEqual({ frustrated: "show_exit_offer" });
  });

  test("free-text actions and no_action are never learned; learning switched off learns nothing", () => {
    const stats = [rated("show_live_chat", 40, 2), rated("called them", 40, 40), rated("no_action", 40, 40)];
    expect(learnPolicy(stats, DEFAULT_SETTINGS)).toEqual({});
    const off = { ...DEFAULT_SETTINGS, learning: { enabled: false, minFeedback: 20 } };
    expect(learnPolicy([rated("show_live_chat", 30, 6), rated("show_tooltip", 30, 27)], off)).toEqual({});
  });

  test("min_feedback is the account's", () => {
    const stats = [rated("show_live_chat", 12, 1), rated("show_tooltip", 12, 12)];
    expect(learnPolicy(stats, DEFAULT_SETTINGS)).toEqual({});
    expect(learnPolicy(stats, { ...DEFAULT_SETTINGS, learning: { enabled: true, minFeedback: 10 } })).toEqual({ frustrated: "show_tooltip" });
  });
});
