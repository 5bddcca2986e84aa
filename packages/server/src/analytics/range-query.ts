import { z } from "zod";
import { HttpError } from "../http/http-error.js";
import { LIMITS } from "../limits.js";
import { DAY_MS } from "../plans.js";
import type { TimeRange } from "../store/storage.js";
import { isTimeZone, zonedInstant, type LocalTime } from "./time-zone.js";

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

const instant = z
  .string()
  .regex(DATE_TIME, "an ISO 8601 date (2026-11-01) or date-time (2026-11-01T09:30:00Z)")
  .describe(
    "ISO 8601 date or date-time. A date, or a date-time without an offset, is read in `tz`; " +
      "a date as `to` includes that whole day.",
  );

/** `from`, `to` and `tz`, as every analytics read takes them. */
export const rangeFields = {
  from: instant.optional().describe("Start of the range (default: 7 days before `to`)."),
  to: instant.optional().describe("End of the range, not included (default: now); a date includes that day."),
  tz: z
    .string()
    .refine(isTimeZone, "an IANA time zone such as Europe/Berlin")
    .optional()
    .describe("IANA time zone the range and buckets follow (default UTC)."),
};

export interface ResolvedRange extends TimeRange {
  tz: string;
}

/** The range a query asks for, `defaultDays` back from now when it names none. */
export function resolveRange(
  query: { from?: string | undefined; to?: string | undefined; tz?: string | undefined },
  now: number,
  defaultDays = 7,
): ResolvedRange {
  const tz = query.tz ?? "UTC";
  const to = query.to === undefined ? now : instantOf(query.to, tz, "to");
  const from = query.from === undefined ? to - defaultDays * DAY_MS : instantOf(query.from, tz, "from");
  if (from >= to) throw new HttpError(400, "Invalid field", { field: "to", message: "to must come after from" });
  if (to - from > LIMITS.RANGE_DAYS_MAX * DAY_MS) {
    throw new HttpError(400, "Invalid field", {
      field: "from",
      message: `A range spans at most ${LIMITS.RANGE_DAYS_MAX} days, longer than any plan keeps events`,
      limit: LIMITS.RANGE_DAYS_MAX,
    });
  }
  return { from, to, tz };
}

/** Whether a query names a range at all. */
export function hasRange(query: { from?: string | undefined; to?: string | undefined }): boolean {
  return query.from !== undefined || query.to !== undefined;
}

function instantOf(text: string, tz: string, field: "from" | "to"): number {
  const [, year, month, day, hour, minute, second, fraction, offset] = DATE_TIME.exec(text)!;
  const local: LocalTime = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour ?? 0),
    minute: Number(minute ?? 0),
    second: Number(second ?? 0),
  };
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  const check = new Date(asUtc);
  if (
    check.getUTCMonth() !== local.month - 1 ||
    check.getUTCDate() !== local.day ||
    local.hour > 23 ||
    local.minute > 59 ||
    local.second > 59
  ) {
    throw new HttpError(400, "Invalid field", { field, message: `${text} is not a calendar date and time` });
  }
  const ms = Math.round(Number(fraction ?? 0) * 1000);
  if (offset !== undefined) {
    const sign = offset === "Z" ? 0 : offset.startsWith("-") ? -1 : 1;
    const minutes = sign === 0 ? 0 : Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6));
    return asUtc + ms - sign * minutes * 60_000;
  }
  if (hour === undefined && field === "to") {
    const next = new Date(Date.UTC(local.year, local.month - 1, local.day + 1));
    return zonedInstant(
      { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate(), hour: 0, minute: 0, second: 0 },
      tz,
    );
  }
  return zonedInstant(local, tz) + ms;
}

export const iso = (ms: number): string => new Date(ms).toISOString();
