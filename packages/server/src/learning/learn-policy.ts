import { ACTION_BY_MOOD, MOODS, SUGGESTED_ACTIONS, type ActionPolicy, type Mood, type MoodResult, type SuggestedAction } from "@sessionmood/engine";
import { wilsonInterval } from "../analytics/wilson-interval.js";
import type { AccountSettings } from "../settings/account-settings.js";
import type { ActionStats } from "../store/storage.js";

/** Actions a policy can choose: "no action" is the absence of one, not something to learn. */
const LEARNABLE = SUGGESTED_ACTIONS.filter((action) => action !== "no_action");

/**
 * The learned policy: per mood, the action rated feedback shows clearly works better than the
 * mood's default. An action wins only with at least `minFeedback` rated outcomes and when the
 * lower end of its helpful rate's 95% interval lies above the upper end of the default's (a
 * default never rated has an upper end of 1, so it is never beaten untried). Among several
 * winners the highest lower end wins, then the contract's order of actions: the same feedback
 * always gives the same policy.
 */
export function learnPolicy(stats: readonly ActionStats[], settings: AccountSettings): ActionPolicy {
  const policy: ActionPolicy = {};
  if (!settings.learning.enabled) return policy;
  for (const mood of MOODS) {
    const rated = (action: string) => stats.find((row) => row.mood === mood && row.action === action);
    const fallback = rated(ACTION_BY_MOOD[mood]);
    const bar = wilsonInterval(fallback?.helpful ?? 0, fallback?.rated ?? 0)[1];
    let best: { action: SuggestedAction; low: number } | undefined;
    for (const action of LEARNABLE) {
      const row = rated(action);
      if (action === ACTION_BY_MOOD[mood] || !row || row.rated < settings.learning.minFeedback) continue;
      const low = wilsonInterval(row.helpful, row.rated)[0];
      if (low > bar && (!best || low > best.low)) best = { action, low };
    }
    if (best) policy[mood] = best.action;
  }
  return policy;
}

/** The action each mood suggests under a learned policy, and where it comes from. */
export function effectivePolicy(learned: ActionPolicy): Record<Mood, { action: SuggestedAction; source: "default" | "learned" }> {
  return Object.fromEntries(
    MOODS.map((mood) => {
      const action = learned[mood];
      return [mood, action ? { action, source: "learned" } : { action: ACTION_BY_MOOD[mood], source: "default" }];
    }),
  ) as Record<Mood, { action: SuggestedAction; source: "default" | "learned" }>;
}

/** Whether a result's suggested action came from the learned policy. */
export function actionSource(result: MoodResult, learned: ActionPolicy): "default" | "learned" {
  const action = learned[result.mood];
  return action !== undefined && result.suggested_action === action ? "learned" : "default";
}
