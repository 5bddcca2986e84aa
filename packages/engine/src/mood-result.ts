import type { MoodEvent } from "./events.js";
import { evidenceOf } from "./evidence.js";
import { ACTION_BY_MOOD, MOODS, type ActionPolicy, type Mood, type SuggestedAction } from "./moods.js";
import { createMoodState, scoreEvents, type MoodState } from "./mood-state.js";
import { SIGNAL_RULES, type SignalName } from "./signals.js";
import { TUNING } from "./tuning.js";

/** What the engine says of a session. */
export interface MoodResult {
  mood: Mood;
  /** 0 (no idea) to 1 (sure): grows with the number of events and with how clearly the mood wins. */
  confidence: number;
  /** The signals behind `mood`, strongest first. */
  signals: SignalName[];
  /** The mood's action (from the policy, else `ACTION_BY_MOOD`), or `no_action` below `TUNING.minActionConfidence`. */
  suggested_action: SuggestedAction;
  /** Every mood's score, so a caller can see why the winner won; `neutral` is the bar to clear. */
  scores: Record<Mood, number>;
}

/** The mood of a session in the given state; `policy` replaces the default action of some moods. */
export function moodOf(state: MoodState, policy?: ActionPolicy): MoodResult {
  const evidence = evidenceOf(state);
  // Scores by position in MOODS: indexed arrays keep this hot path free of keyed lookups.
  const scores = [0, 0, 0, 0, 0, 0, TUNING.neutralFloor];
  const strengths = SIGNAL_RULES.map((rule, i) => {
    const strength = rule.strength(evidence);
    scores[RULE_MOOD[i]!]! += strength;
    return strength;
  });
  let best = 0;
  let second = -1;
  let total = 0;
  // Strictly greater wins, so on a tie the contract's order decides and `neutral`, listed
  // last, yields to any real mood.
  scores.forEach((score, i) => {
    total += score;
    if (score > scores[best]!) {
      second = best;
      best = i;
    } else if (i !== best && (second < 0 || score > scores[second]!)) {
      second = i;
    }
  });
  const tooFew = state.events < TUNING.minEvents;
  const mood = tooFew ? "neutral" : MOODS[best]!;
  const certainty = 1 - Math.pow(2, -state.events / TUNING.confidenceHalfEvents);

  let confidence = certainty / 2;
  let signals: SignalName[] = ["few_events"];
  if (!tooFew) {
    const top = scores[best]!;
    confidence = (certainty * (top / total + (top - scores[second]!) / top)) / 2;
    signals = mood === "neutral" ? ["no_strong_signal"] : signalsFor(best, strengths);
  }

  // The rounded value decides, so a result never shows a confidence below the bar with an action.
  const shown = round(confidence, 100);
  return {
    mood,
    confidence: shown,
    signals,
    suggested_action: shown >= TUNING.minActionConfidence ? (policy?.[mood] ?? ACTION_BY_MOOD[mood]) : "no_action",
    scores: scoresByMood(scores),
  };
}

function scoresByMood(scores: readonly number[]): Record<Mood, number> {
  const byMood = {} as Record<Mood, number>;
  MOODS.forEach((mood, i) => (byMood[mood] = round(scores[i]!, 1000)));
  return byMood;
}

const RULE_MOOD = SIGNAL_RULES.map((rule) => MOODS.indexOf(rule.mood));

/** The mood of a whole list of events, scored from an empty session. */
export function moodFromEvents(events: readonly MoodEvent[]): MoodResult {
  return moodOf(scoreEvents(createMoodState(), events));
}

/** Each (signal, mood) pair has one rule, so a mood's signals need no merging. */
function signalsFor(moodIndex: number, strengths: readonly number[]): SignalName[] {
  const active: [SignalName, number][] = [];
  SIGNAL_RULES.forEach((rule, i) => {
    if (RULE_MOOD[i] === moodIndex && strengths[i]! > 0) active.push([rule.name, strengths[i]!]);
  });
  return active.sort((a, b) => b[1] - a[1]).map(([name]) => name);
}

function round(value: number, scale: number): number {
  return Math.round(value * scale) / scale;
}
