import type { EventType, MoodEvent } from "../events.js";

/** Builds a session from `[seconds, type, fields?]` rows, so tests read like a timeline. */
export function timeline(...rows: [number, EventType, Omit<MoodEvent, "type" | "ts">?][]): MoodEvent[] {
  return rows.map(([ts, type, fields]) => ({ type, ts, ...fields }));
}

/** `count` events of one type, `gap` seconds apart from `start`. */
export function repeat(
  count: number,
  type: EventType,
  start: number,
  gap: number,
  fields?: Omit<MoodEvent, "type" | "ts">,
): MoodEvent[] {
  return Array.from({ length: count }, (_, i) => ({ type, ts: start + i * gap, ...fields }));
}
