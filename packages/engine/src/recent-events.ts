import { EVENT_TYPES, type EventType, type MoodEvent } from "./events.js";
import { TUNING } from "./tuning.js";

/**
 * The remembered events, oldest first, as one flat list of pairs: each event's age in whole ms
 * before the latest `ts`, and a code of its type and of the one detail scoring needs (dead
 * click, fast scroll, long pause or hover, idle seconds). Small integers in one flat array are
 * what JSON reads and writes fastest: a server reads and writes this list with every batch.
 */
export type RecentEvents = number[];

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
      // Tenths of a second: a pause of 7 s says more than one of 3 s.
      return Math.min(Math.round((event.duration_ms ?? TUNING.inputPauseMs) / 100), DETAIL_MASK);
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

/**
 * Inserts an event `ageMs` old in time order (oldest, i.e. largest age, first), after any equal
 * ages with a smaller code; equal pairs are indistinguishable, so ties need no further rule.
 */
export function insertRecent(recent: RecentEvents, ageMs: number, code: number): void {
  let i = recent.length;
  while (i > 0 && sortsAfter(recent[i - 2]!, recent[i - 1]!, ageMs, code)) i -= 2;
  if (i === recent.length) recent.push(ageMs, code);
  else recent.splice(i, 0, ageMs, code);
}

function sortsAfter(age: number, code: number, otherAge: number, otherCode: number): boolean {
  return age < otherAge || (age === otherAge && code > otherCode);
}

/** Every remembered event is `ms` older: the latest `ts` moved on. */
export function ageRecent(recent: RecentEvents, ms: number): void {
  for (let i = 0; i < recent.length; i += 2) recent[i]! += ms;
}

/** Events this much older (ms) than the latest weigh too little to remember. */
export const RECENT_WINDOW_MS = TUNING.halfLifeS * TUNING.recentHalfLives * 1000;

/**
 * Keeps the latest `TUNING.recentEvents` events within `RECENT_WINDOW_MS` of the latest. That is
 * a function of the set of events seen, so trimming early or late, in any order, ends the same.
 */
export function trimRecent(recent: RecentEvents): void {
  let drop = Math.max(0, recent.length / 2 - TUNING.recentEvents);
  while (drop < recent.length / 2 && recent[drop * 2]! > RECENT_WINDOW_MS) drop++;
  if (drop > 0) recent.splice(0, drop * 2);
}
