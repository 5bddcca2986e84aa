import type { Mood } from "@sessionmood/engine";
import type { MoodPoint } from "./mood-replay.js";

/** One change of a session's mood: the timeline's entry. */
export interface MoodChange {
  /** Unix ms, where analytics place the moment. */
  at: number;
  from: Mood;
  to: Mood;
  confidence: number;
  signals: string[];
  page: string | null;
}

/** The session was active in a slot, and its mood after its last moment there. */
export interface ActivitySlot {
  slot: number;
  lastAt: number;
  mood: Mood;
}

/** The session on one page: when, and whether its mood turned frustrated or confused there. */
export interface PageVisit {
  path: string;
  firstAt: number;
  lastAt: number;
  frustrated: boolean;
  confused: boolean;
  /** The signals of those turns. */
  signals: string[];
}

/** What events leave behind for analytics: mood changes, activity slots and page visits. */
export interface SessionTrail {
  changes: MoodChange[];
  slots: ActivitySlot[];
  visits: PageVisit[];
}

/** The trail of `points`, a session's moments after one whose mood was `startMood`. */
export function trailOf(startMood: Mood, points: readonly MoodPoint[]): SessionTrail {
  const changes = changesOf(startMood, points);
  return { changes, slots: slotsOf(points), visits: pageVisitsOf(points, changes) };
}

/**
 * Activity is kept per quarter hour (UTC): every time zone in use is a whole number of quarter
 * hours from UTC, so a slot lies within one hour and one day of any zone's calendar.
 */
export const SLOT_MS = 15 * 60 * 1000;

export const slotOf = (at: number): number => Math.floor(at / SLOT_MS);

/** The mood changes among `points`, the first compared with `startMood`. */
export function changesOf(startMood: Mood, points: readonly MoodPoint[]): MoodChange[] {
  const changes: MoodChange[] = [];
  let mood = startMood;
  for (const { at, mood: to, confidence, signals, page } of points) {
    if (to === mood) continue;
    changes.push({ at, from: mood, to, confidence, signals, page });
    mood = to;
  }
  return changes;
}

/** The slots `points` fall in, each with the mood after its last point. */
export function slotsOf(points: readonly MoodPoint[]): ActivitySlot[] {
  const bySlot = new Map<number, ActivitySlot>();
  for (const { at, mood } of points) {
    const slot = slotOf(at);
    const known = bySlot.get(slot);
    if (!known || at >= known.lastAt) bySlot.set(slot, { slot, lastAt: at, mood });
  }
  return [...bySlot.values()];
}

/** The pages `points` happened on, with the turns to frustrated or confused among `changes`. */
export function pageVisitsOf(points: readonly MoodPoint[], changes: readonly MoodChange[]): PageVisit[] {
  const byPath = new Map<string, PageVisit>();
  for (const { at, page } of points) {
    if (page === null) continue;
    const visit = byPath.get(page);
    if (visit) {
      visit.firstAt = Math.min(visit.firstAt, at);
      visit.lastAt = Math.max(visit.lastAt, at);
    } else {
      byPath.set(page, { path: page, firstAt: at, lastAt: at, frustrated: false, confused: false, signals: [] });
    }
  }
  for (const change of changes) {
    const visit = change.page === null ? undefined : byPath.get(change.page);
    if (!visit || (change.to !== "frustrated" && change.to !== "confused")) continue;
    if (change.to === "frustrated") visit.frustrated = true;
    else visit.confused = true;
    visit.signals = mergeSignals(visit.signals, change.signals);
  }
  return [...byPath.values()];
}

/** A session's record of a page with another of the same page folded in. */
export function mergeVisits(a: PageVisit, b: PageVisit): PageVisit {
  return {
    path: a.path,
    firstAt: Math.min(a.firstAt, b.firstAt),
    lastAt: Math.max(a.lastAt, b.lastAt),
    frustrated: a.frustrated || b.frustrated,
    confused: a.confused || b.confused,
    signals: mergeSignals(a.signals, b.signals),
  };
}

function mergeSignals(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}
