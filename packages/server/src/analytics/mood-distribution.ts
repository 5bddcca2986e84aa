import { MOODS } from "@sessionmood/engine";
import { z } from "zod";
import { route } from "../http/route.js";
import { MoodDistributionSchema } from "./analytics-schemas.js";
import { hasRange, rangeFields, resolveRange } from "./range-query.js";

const MoodsQuerySchema = z.object(rangeFields).strict();

/** GET /v1/analytics/moods: how the account's sessions feel, as a whole or within a range. */
export const moodDistributionRoute = route<undefined, z.infer<typeof MoodsQuerySchema>>({
  method: "GET",
  path: "/v1/analytics/moods",
  access: "secret",
  query: MoodsQuerySchema,
  summary: "How the account's sessions are distributed over the moods",
  description:
    "Without a range, every stored session by its current mood. With from or to, the sessions active in the range, " +
    "each by its mood after its last event in it, and the sessions given feedback in it.",
  responses: { 200: ["The distribution.", MoodDistributionSchema] },
  async handle({ query, caller, now }, { storage }): Promise<z.infer<typeof MoodDistributionSchema>> {
    const range = hasRange(query) ? resolveRange(query, now) : undefined;
    const counts = await storage.moodCounts(caller.account.id, range && { from: range.from, to: range.to });
    const total = counts.totalSessions;
    return {
      total_sessions: total,
      feedback_count: counts.feedbackSessions,
      mood_distribution: MOODS.map((mood) => {
        const count = counts.byMood[mood] ?? 0;
        return { mood, count, percentage: total === 0 ? 0 : Math.round((count * 1000) / total) / 10 };
      }).sort((a, b) => b.count - a.count),
    };
  },
});
