import { MOODS } from "@sessionmood/engine";
import { Router } from "express";
import type { z } from "zod";
import { authenticate, callerOf } from "../http/authenticate.js";
import type { Services } from "../services.js";
import type { MoodDistributionSchema } from "./analytics-schemas.js";

/** /v1/analytics: how the account's sessions feel, as a whole. */
export function analyticsRouter({ store }: Services): Router {
  const router = Router();
  router.get("/moods", authenticate(store, ["secret"]), (_req, res) => {
    const counts = store.moodCounts(callerOf(res).account.id);
    const total = counts.totalSessions;
    const body: z.infer<typeof MoodDistributionSchema> = {
      total_sessions: total,
      feedback_count: counts.feedbackSessions,
      mood_distribution: MOODS.map((mood) => {
        const count = counts.byMood[mood] ?? 0;
        return { mood, count, percentage: total === 0 ? 0 : Math.round((count * 1000) / total) / 10 };
      }).sort((a, b) => b.count - a.count),
    };
    res.json(body);
  });
  return router;
}
