import { MOODS, type Mood } from "@sessionmood/engine";
import { SLOT_MS } from "../history/session-history.js";
import type { ActivityRow } from "../store/storage.js";

export interface MoodBucket {
  sessions: number;
  moods: Record<Mood, number>;
}

export function emptyMoods(): Record<Mood, number> {
  return Object.fromEntries(MOODS.map((mood) => [mood, 0])) as Record<Mood, number>;
}

/**
 * Counts sessions into the buckets that start at `starts` (ascending; the last ends at `end`):
 * a session counts once in each bucket it was active in, under its mood after its last
 * activity there (the latest of its slots in the bucket).
 */
export function countIntoBuckets(rows: readonly ActivityRow[], starts: readonly number[], end: number): MoodBucket[] {
  const latest = starts.map(() => new Map<number, ActivityRow>());
  for (const row of rows) {
    const [session, slot] = row;
    const start = slot * SLOT_MS;
    if (start < starts[0]! || start >= end) continue;
    const sessions = latest[bucketIndex(starts, start)]!;
    const known = sessions.get(session);
    if (!known || slot > known[1]) sessions.set(session, row);
  }
  return latest.map((sessions) => {
    const moods = emptyMoods();
    for (const [, , mood] of sessions.values()) moods[mood] += 1;
    return { sessions: sessions.size, moods };
  });
}

/** The last bucket starting at or before `ms`. */
function bucketIndex(starts: readonly number[], ms: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= ms) low = mid;
    else high = mid - 1;
  }
  return low;
}
