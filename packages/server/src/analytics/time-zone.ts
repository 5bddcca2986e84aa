/**
 * Calendar arithmetic in IANA time zones with the platform's Intl data, daylight saving
 * included: a day in America/New_York starts at local midnight and lasts 23, 24 or 25 hours.
 */

const HOUR_MS = 60 * 60 * 1000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** Whether the platform knows `name` as a time zone. */
export function isTimeZone(name: string): boolean {
  if (name.length === 0 || name.length > 64) return false;
  try {
    formatter(name);
    return true;
  } catch {
    return false;
  }
}

/** A wall-clock reading: months 1–12. */
export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock time in `timeZone` at the instant `ms`. */
export function localTime(ms: number, timeZone: string): LocalTime {
  const parts: Record<string, number> = {};
  for (const { type, value } of formatter(timeZone).formatToParts(ms)) parts[type] = Number(value);
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** How far `timeZone`'s wall clock is ahead of UTC at `ms`. */
function offsetAt(ms: number, timeZone: string): number {
  const t = localTime(ms, timeZone);
  const wall = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  return wall - (ms - (((ms % 1000) + 1000) % 1000));
}

/**
 * The instant a wall-clock time in `timeZone` names. In a gap (clocks going forward) it is the
 * instant the gap ends at; in an overlap, the first of the two.
 */
export function zonedInstant(local: LocalTime, timeZone: string): number {
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  // Of two candidates the earlier that reads as the wall time wins (the overlap's first).
  const candidates = [Math.min(first, second), Math.max(first, second)];
  for (const candidate of candidates) if (candidate + offsetAt(candidate, timeZone) === wall) return candidate;
  return Math.max(first, second);
}

/** The start of the local hour or day that holds `ms`. */
export function startOf(ms: number, unit: "hour" | "day", timeZone: string): number {
  if (unit === "hour") {
    const offset = offsetAt(ms, timeZone);
    return ms - ((((ms + offset) % HOUR_MS) + HOUR_MS) % HOUR_MS);
  }
  const t = localTime(ms, timeZone);
  return zonedInstant({ year: t.year, month: t.month, day: t.day, hour: 0, minute: 0, second: 0 }, timeZone);
}

/** The start of the local hour or day after the one that starts at `start`. */
export function nextStart(start: number, unit: "hour" | "day", timeZone: string): number {
  if (unit === "hour") return Math.max(startOf(start + HOUR_MS, unit, timeZone), start + HOUR_MS / 2);
  // A local day lasts 23 to 25 hours: 25 hours on lies in the next day, never the one after.
  return startOf(start + 25 * HOUR_MS, unit, timeZone);
}

/** The starts of every local hour or day from the one holding `from` up to `to` (not included), at most `max` + 1. */
export function bucketStarts(from: number, to: number, unit: "hour" | "day", timeZone: string, max: number): number[] {
  const starts: number[] = [];
  for (let start = startOf(from, unit, timeZone); start < to && starts.length <= max; start = nextStart(start, unit, timeZone)) {
    starts.push(start);
  }
  return starts;
}

const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The local weekday at `ms`. */
export function weekdayOf(ms: number, timeZone: string): Weekday {
  const t = localTime(ms, timeZone);
  return WEEKDAYS[new Date(Date.UTC(t.year, t.month - 1, t.day)).getUTCDay()]!;
}

/** Monday first, as people read a week. */
export const WEEK: readonly Weekday[] = [...WEEKDAYS.slice(1), WEEKDAYS[0]];
