import { ENGINE_VERSION } from "./engine-version.js";
import type { MoodEvent } from "./events.js";
import { RECENT_WINDOW_S, codeOf, insertRecent, trimRecent, type RecentEvent } from "./recent-events.js";
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
  /** Session time (s) evidence is faded to: the latest `ts` seen. */
  at: number | null;
  /** The latest events in time order, at most `TUNING.recentEvents`, all within the window of `at`. */
  recent: RecentEvent[];
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
 * take the latest time seen, so only they depend on order). Pure. The common case, events newer
 * than all before, appends; a late event is inserted in its place.
 */
export function scoreEvents(state: MoodState, events: readonly MoodEvent[]): MoodState {
  const next: MoodState = { v: ENGINE_VERSION, events: state.events + events.length, at: state.at, recent: state.recent.slice() };
  for (const event of events) remember(next, event);
  if (next.at !== null) trimRecent(next.recent, next.at);
  return next;
}

/** An event without a valid `ts` happens "now", at the latest time seen. */
function remember(s: MoodState, event: MoodEvent): void {
  const t = Number.isFinite(event.ts) ? event.ts! : (s.at ?? 0);
  const code = codeOf(event);
  if (code === undefined) return;
  if (s.at === null || t > s.at) s.at = t;
  else if (t < s.at - RECENT_WINDOW_S) return;
  insertRecent(s.recent, [t, code]);
  // Trimming early or late ends the same (see trimRecent), so a long batch trims now and then.
  if (s.recent.length >= 2 * TUNING.recentEvents) trimRecent(s.recent, s.at);
}
