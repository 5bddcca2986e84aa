import { z } from "zod";
import { HttpError } from "../http/http-error.js";
import { route } from "../http/route.js";
import { LIMITS } from "../limits.js";
import { MoodCountsSchema } from "./analytics-schemas.js";
import { countIntoBuckets } from "./mood-buckets.js";
import { iso, rangeFields, resolveRange } from "./range-query.js";
import { bucketStarts } from "./time-zone.js";

const TrendQuerySchema = z
  .object({ ...rangeFields, interval: z.enum(["hour", "day"]).optional().describe("Bucket size (default day).") })
  .strict();

export const TrendSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    interval: z.enum(["hour", "day"]),
    tz: z.string(),
    buckets: z.array(
      z.object({
        start: z.string().describe("When the local hour or day starts (ISO 8601, UTC)."),
        sessions: z.number().int(),
        moods: MoodCountsSchema,
      }),
    ),
  })
  .meta({ id: "Trend" });

/** GET /v1/analytics/trend. */
export const trendRoute = route<undefined, z.infer<typeof TrendQuerySchema>>({
  method: "GET",
  path: "/v1/analytics/trend",
  access: "secret",
  query: TrendQuerySchema,
  summary: "Sessions and their moods per hour or day",
  description:
    "Every local hour or day of the range, empty ones included. A session counts in each bucket it was active in, " +
    `under the mood it had after its last event there. At most ${LIMITS.TREND_BUCKETS_MAX} buckets.`,
  responses: { 200: ["The buckets, oldest first.", TrendSchema] },
  async handle({ query, caller, now }, { storage }): Promise<z.infer<typeof TrendSchema>> {
    const { from, to, tz } = resolveRange(query, now);
    const interval = query.interval ?? "day";
    const starts = bucketStarts(from, to, interval, tz, LIMITS.TREND_BUCKETS_MAX);
    if (starts.length > LIMITS.TREND_BUCKETS_MAX) {
      throw new HttpError(400, "Invalid field", {
        field: "interval",
        message: `The range holds more than ${LIMITS.TREND_BUCKETS_MAX} ${interval}s: ask for a shorter range or interval=day`,
        limit: LIMITS.TREND_BUCKETS_MAX,
      });
    }
    const rows = await storage.activity(caller.account.id, { from: starts[0]!, to });
    const buckets = countIntoBuckets(rows, starts, to);
    return {
      from: iso(from),
      to: iso(to),
      interval,
      tz,
      buckets: buckets.map((bucket, i) => ({ start: iso(starts[i]!), ...bucket })),
    };
  },
});
