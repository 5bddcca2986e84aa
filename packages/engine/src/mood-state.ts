import { ENGINE_VERSION } from "./engine-version.js";
import type { MoodEvent } from "./events.js";
import { RECENT_WINDOW_MS, ageRecent, codeOf, insertRecent, trimRecent, type RecentEvents } from "./recent-events.js";
import { TUNING } from "./tuning.js";

/**
 * Everything the engine remembers of a session: small, JSON-serialisable and bounded however
 * many events came before, so a server can store it per session and a page can keep it. It
 * depends only on which events were scored, never on their order or batching.
 */
export interface MoodState {
  /** The `ENGINE_VERSION` that wrote this state. */
  v: number;
  /** Events scored so far. */
  events: number;
  /** Session time (s) evidence is faded to: the latest `ts` seen, to the millisecond. */
  at: number | null;
  /** The latest events in time order, at most `TUNING.recentEvents`, all within the window of `at`. */
  recent: RecentEvents;
}

/** The state of a session before its first event. */
export function createMoodState(): MoodState {
  return { v: ENGINE_VERSION, events: 0, at: null, recent: [] };
}

/**
 * Whether `state` was written by this version of the engine. A stored state that is not must be
 * rebuilt by scoring the session's events again: its evidence was judged by other rules.
 */
export function isCurrentState(state: unknown): state is MoodState {
  const s = state as Partial<MoodState> | null;
  return typeof s === "object" && s !== null && s.v === ENGINE_VERSION && typeof s.events === "number" && Array.isArray(s.recent);
}

/** The state after one more event. Pure: `state` is left as it was. */
export function scoreEvent(state: MoodState, event: MoodEvent): MoodState {
  return scoreEvents(state, [event]);
}

/**
 * The state after `events`, which may come in any order and any batches (events without `ts`
 * take the latest time seen, so only they depend on order). Pure. Times count in whole
 * milliseconds (what browsers give), so that ages add up exactly in any order; the remembered
 * events age once per call, to the batch's latest time, and each new one is inserted in its place.
 */
export function scoreEvents(state: MoodState, events: readonly MoodEvent[]): MoodState {
  const previousMs = state.at === null ? null : Math.round(state.at * 1000);
  let latestMs = previousMs;
  const timed: number[] = [];
  for (const event of events) {
    const code = codeOf(event);
    if (code === undefined) continue;
    const ms = Number.isFinite(event.ts) ? Math.round(event.ts! * 1000) : (latestMs ?? 0);
    if (latestMs === null || ms > latestMs) latestMs = ms;
    timed.push(ms, code);
  }
  const recent = state.recent.slice();
  if (previousMs !== null && latestMs! > previousMs) ageRecent(recent, latestMs! - previousMs);
  for (let i = 0; i < timed.length; i += 2) {
    const age = latestMs! - timed[i]!;
    if (age <= RECENT_WINDOW_MS) insertRecent(recent, age, timed[i + 1]!);
    // Trimming early or late ends the same (see trimRecent), so a long batch trims now and then.
    if (recent.length >= 4 * TUNING.recentEvents) trimRecent(recent);
  }
  trimRecent(recent);
  return { v: ENGINE_VERSION, events: state.events + events.length, at: latestMs === null ? null : latestMs / 1000, recent };
}
