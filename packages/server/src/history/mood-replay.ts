import { moodOf, scoreEvents, type Mood, type MoodEvent, type MoodState } from "@sessionmood/engine";

/** A session's mood after the events of one moment (all its events with the same `ts`, to the ms). */
export interface MoodPoint {
  /** Where analytics place the moment (Unix ms, SPEC §7 "Time"). */
  at: number;
  mood: Mood;
  confidence: number;
  signals: string[];
  /** The path of the latest page view at or before the moment. */
  page: string | null;
}

/** Where a replay starts: the state and mood after every event before its first. */
export interface ReplayStart {
  state: MoodState;
  mood: Mood;
  page: string | null;
}

/** An event with the time analytics give it. */
export interface PlacedEvent {
  event: MoodEvent;
  at: number;
}

/**
 * Scores `events` (all later than those in `start.state`) moment by moment in time order and
 * returns the state after them with the mood after each moment. The state is the same as one
 * `scoreEvents` call would give (the engine ignores order); the moments are what make a
 * timeline independent of how the events were batched or in which order batches arrived.
 */
export function replayMoods(start: ReplayStart, events: PlacedEvent[]): { state: MoodState; points: MoodPoint[] } {
  const sorted = events.slice().sort(byTime);
  let { state, page } = start;
  const points: MoodPoint[] = [];
  for (let i = 0; i < sorted.length; ) {
    const ms = msOf(sorted[i]!.event);
    let at = sorted[i]!.at;
    const moment: MoodEvent[] = [];
    for (; i < sorted.length && msOf(sorted[i]!.event) === ms; i++) {
      const { event } = sorted[i]!;
      moment.push(event);
      at = Math.max(at, sorted[i]!.at);
      if (event.type === "page_view") page = pathOf(event.url) ?? page;
    }
    state = scoreEvents(state, moment);
    const { mood, confidence, signals } = moodOf(state);
    points.push({ at, mood, confidence, signals, page });
  }
  return { state, points };
}

/** Whether `events` all come after every event of `state`, so a replay can go on from it. */
export function followsState(state: MoodState, events: readonly MoodEvent[]): boolean {
  if (state.at === null) return true;
  const latest = Math.round(state.at * 1000);
  return events.every((event) => msOf(event) > latest);
}

function msOf(event: MoodEvent): number {
  return Math.round(event.ts! * 1000);
}

/** Time order; within a moment, page views by URL, so the page a moment ends on never depends on arrival. */
function byTime(a: PlacedEvent, b: PlacedEvent): number {
  return msOf(a.event) - msOf(b.event) || (a.event.url ?? "").localeCompare(b.event.url ?? "");
}

/** The path of a page view's URL (a path as the SDK sends it, or a full URL), without query or fragment. */
export function pathOf(url: string | undefined): string | null {
  if (!url) return null;
  if (url.startsWith("/")) return url.split(/[?#]/, 1)[0]!;
  try {
    return new URL(url).pathname;
  } catch {
    return url.split(/[?#]/, 1)[0]! || null;
  }
}
