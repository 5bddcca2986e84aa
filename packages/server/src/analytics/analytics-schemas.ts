import { MOODS, type Mood } from "@sessionmood/engine";
import { z } from "zod";

/** Sessions per mood, every mood present. */
export const MoodCountsSchema = z
  .object(Object.fromEntries(MOODS.map((mood) => [mood, z.number().int()])) as Record<Mood, z.ZodNumber>)
  .meta({ id: "MoodCounts" });

export const MoodDistributionSchema = z
  .object({
    total_sessions: z.number().int(),
    feedback_count: z.number().int().describe("Sessions with at least one feedback record."),
    mood_distribution: z
      .array(z.object({ mood: z.enum(MOODS), count: z.number().int(), percentage: z.number() }))
      .describe("Every mood, most frequent first; percentage of all sessions to one decimal."),
  })
  .meta({ id: "MoodDistribution" });
