import type { MoodEvent } from "./events.js";
import { ACTION_BY_MOOD, MOODS, type Mood, type SuggestedAction } from "./moods.js";
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
  suggested_action: SuggestedAction;
  /** Every mood's score, so a caller can see why the winner won; `neutral` is the bar to clear. */
  scores: Record<Mood, number>;
}

/** The mood of a session in the given state. */
export function moodOf(state: MoodState): MoodResult {
  const scores: Record<Mood, number> = {
    frustrated: 0,
    confused: 0,
    decisive: 0,
    browsing: 0,
    disengaged: 0,
    focused: 0,
    neutral: TUNING.NEUTRAL_FLOOR,
  };
  const strengths: number[] = [];
  for (const rule of SIGNAL_RULES) {
    const strength = rule.strength(state);
    strengths.push(strength);
    scores[rule.mood] += strength;
  }

  const ranked = [...MOODS].sort((a, b) => scores[b] - scores[a] || rankOnTie(a) - rankOnTie(b));
  const tooFew = state.events < TUNING.MIN_EVENTS;
  const mood: Mood = tooFew ? "neutral" : ranked[0]!;
  const certainty = 1 - Math.pow(2, -state.events / TUNING.CONFIDENCE_HALF_EVENTS);

  let confidence: number;
  let signals: SignalName[];
  if (tooFew) {
    confidence = certainty / 2;
    signals = ["few_events"];
  } else {
    const top = scores[mood];
    const second = scores[ranked[1]!];
    const total = MOODS.reduce((sum, m) => sum + scores[m], 0);
    confidence = certainty * ((top / total + (top - second) / top) / 2);
    signals = mood === "neutral" ? ["no_strong_signal"] : signalsFor(mood, strengths);
  }

  return {
    mood,
    confidence: round(confidence, 100),
    signals,
    suggested_action: ACTION_BY_MOOD[mood],
    scores: Object.fromEntries(MOODS.map((m) => [m, round(scores[m], 1000)])) as Record<Mood, number>,
  };
}

/** The mood of a whole list of events, scored from an empty session. */
export function moodFromEvents(events: readonly MoodEvent[]): MoodResult {
  return moodOf(scoreEvents(createMoodState(), events));
}

/** On a tie the contract's order decides, except that `neutral` yields to any real mood. */
function rankOnTie(mood: Mood): number {
  return MOODS.indexOf(mood);
}

function signalsFor(mood: Mood, strengths: readonly number[]): SignalName[] {
  const byName = new Map<SignalName, number>();
  SIGNAL_RULES.forEach((rule, i) => {
    const strength = strengths[i]!;
    if (rule.mood === mood && strength > 0) byName.set(rule.name, (byName.get(rule.name) ?? 0) + strength);
  });
  return [...byName].sort((a, b) => b[1] - a[1]).map(([name]) => name);
}

function round(value: number, scale: number): number {
  return Math.round(value * scale) / scale;
}
