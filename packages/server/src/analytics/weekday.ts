import { z } from "zod";
import { route } from "../http/route.js";
import { MoodCountsSchema } from "./analytics-schemas.js";
import { countIntoBuckets, emptyMoods, type MoodBucket } from "./mood-buckets.js";
import { iso, rangeFields, resolveRange } from "./range-query.js";
import { bucketStarts, WEEK, weekdayOf, type Weekday } from "./time-zone.js";

const WeekdayQuerySchema = z.object(rangeFields).strict();

export const WeekdaysSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    tz: z.string(),
    days: z.array(z.object({ day: z.enum(WEEK as [Weekday, ...Weekday[]]), sessions: z.number().int(), moods: MoodCountsSchema })),
  })
  .meta({ id: "Weekdays" });

/** GET /v1/analytics/weekday. */
export const weekdayRoute = route<undefined, z.infer<typeof WeekdayQuerySchema>>({
  method: "GET",
  path: "/v1/analytics/weekday",
  access: "secret",
  query: WeekdayQuerySchema,
  summary: "Sessions and their moods by day of the week",
  description: "Counted as the daily trend buckets of the range, summed per local weekday; Monday first.",
  responses: { 200: ["The seven days.", WeekdaysSchema] },
  async handle({ query, caller, now }, { storage }): Promise<z.infer<typeof WeekdaysSchema>> {
    const { from, to, tz } = resolveRange(query, now);
    // Days are summed, not listed, so the bucket limit of the trend does not apply.
    const starts = bucketStarts(from, to, "day", tz, Number.MAX_SAFE_INTEGER);
    const rows = await storage.activity(caller.account.id, { from: starts[0]!, to });
    const byDay = new Map<Weekday, MoodBucket>(WEEK.map((day) => [day, { sessions: 0, moods: emptyMoods() }]));
    countIntoBuckets(rows, starts, to).forEach((bucket, i) => {
      const total = byDay.get(weekdayOf(starts[i]!, tz))!;
      total.sessions += bucket.sessions;
      for (const [mood, count] of Object.entries(bucket.moods)) total.moods[mood as keyof typeof total.moods] += count;
    });
    return { from: iso(from), to: iso(to), tz, days: WEEK.map((day) => ({ day, ...byDay.get(day)! })) };
  },
});
