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
  const latest = new Map<number, Map<number, ActivityRow>>();
  for (const row of rows) {
    const start = row.slot * SLOT_MS;
    if (start < starts[0]! || start >= end) continue;
    const bucket = bucketIndex(starts, start);
    let sessions = latest.get(bucket);
    if (!sessions) latest.set(bucket, (sessions = new Map()));
    const known = sessions.get(row.session);
    if (!known || row.slot > known.slot) sessions.set(row.session, row);
  }
  return starts.map((_, i) => {
    const moods = emptyMoods();
    const sessions = latest.get(i);
    for (const row of sessions?.values() ?? []) moods[row.mood] += 1;
    return { sessions: sessions?.size ?? 0, moods };
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
