import { EVENT_TYPES, type EventType, type MoodEvent } from "./events.js";
import { TUNING } from "./tuning.js";

/**
 * One remembered event: its `ts` and a code of its type and of the one detail scoring needs
 * (dead click, fast scroll, long pause or hover, idle seconds). Tuples keep a stored state small.
 */
export type RecentEvent = [ts: number, code: number];

const DETAIL_BITS = 12;
const DETAIL_MASK = (1 << DETAIL_BITS) - 1;
/** An idle's seconds must fit in its detail; its weight stops growing long before this. */
const MAX_IDLE_S = DETAIL_MASK;

const TYPE_INDEX = Object.fromEntries(EVENT_TYPES.map((type, i) => [type, i])) as Record<string, number | undefined>;

/**
 * The code of an event, or undefined for an unknown type. The type leads, so events with the
 * same `ts` sort by contract type order, then by detail: a canonical order of any multiset.
 */
export function codeOf(event: MoodEvent): number | undefined {
  const index = TYPE_INDEX[event.type];
  return index === undefined ? undefined : (index << DETAIL_BITS) | detailOf(event);
}

export function typeOfCode(code: number): EventType {
  return EVENT_TYPES[code >> DETAIL_BITS]!;
}

export function detailOfCode(code: number): number {
  return code & DETAIL_MASK;
}

function detailOf(event: MoodEvent): number {
  switch (event.type) {
    case "click":
      return event.dead === true ? 1 : 0;
    case "scroll":
      return (event.speed ?? 0) >= TUNING.fastScrollSpeed ? 1 : 0;
    case "input_pause":
      return (event.duration_ms ?? TUNING.inputPauseMs) >= TUNING.inputPauseMs ? 1 : 0;
    case "hover":
      return (event.duration_ms ?? TUNING.longHoverMs) >= TUNING.longHoverMs ? 1 : 0;
    case "idle": {
      const seconds = Math.round((event.duration_ms ?? TUNING.idleUnknownMs) / 1000);
      return seconds > 0 ? Math.min(seconds, MAX_IDLE_S) : 0;
    }
    default:
      return 0;
  }
}

/** Inserts `entry` in (ts, code) order. Equal entries are indistinguishable, so ties need no rule. */
export function insertRecent(recent: RecentEvent[], entry: RecentEvent): void {
  let i = recent.length;
  while (i > 0 && sortsAfter(recent[i - 1]!, entry)) i--;
  if (i === recent.length) recent.push(entry);
  else recent.splice(i, 0, entry);
}

function sortsAfter(a: RecentEvent, b: RecentEvent): boolean {
  return a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);
}

/** Events this much older (s) than the latest weigh too little to remember. */
export const RECENT_WINDOW_S = TUNING.halfLifeS * TUNING.recentHalfLives;

/**
 * Keeps the latest `TUNING.recentEvents` events within `RECENT_WINDOW_S` of `at`. That is a
 * function of the set of events seen, so trimming early or late, in any order, ends the same.
 */
export function trimRecent(recent: RecentEvent[], at: number): void {
  const oldest = at - RECENT_WINDOW_S;
  let drop = Math.max(0, recent.length - TUNING.recentEvents);
  while (drop < recent.length && recent[drop]![0] < oldest) drop++;
  if (drop > 0) recent.splice(0, drop);
}
