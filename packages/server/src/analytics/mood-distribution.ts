import { MOODS } from "@sessionmood/engine";
import type { z } from "zod";
import { route } from "../http/route.js";
import { MoodDistributionSchema } from "./analytics-schemas.js";

/** GET /v1/analytics/moods: how the account's sessions feel, as a whole. */
export const moodDistributionRoute = route({
  method: "GET",
  path: "/v1/analytics/moods",
  access: "secret",
  summary: "How the account's sessions are distributed over the moods",
  responses: { 200: ["The distribution.", MoodDistributionSchema] },
  async handle({ caller }, { storage }): Promise<z.infer<typeof MoodDistributionSchema>> {
    const counts = await storage.moodCounts(caller.account.id);
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
