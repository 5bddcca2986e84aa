import { moodOf } from "@sessionmood/engine";
import { z } from "zod";
import { route } from "../http/route.js";
import { LIMITS } from "../limits.js";
import { SessionMoodSchema } from "./session-schemas.js";
import { actionSource } from "../learning/learn-policy.js";

const ActiveQuerySchema = z
  .object({
    active_within: z.coerce
      .number()
      .int()
      .min(60)
      .max(24 * 60 * 60)
      .optional()
      .describe("Seconds back that count as active (default 1800)."),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(LIMITS.ACTIVE_SESSIONS_MAX)
      .optional()
      .describe(`Sessions to list (default 50, at most ${LIMITS.ACTIVE_SESSIONS_MAX}).`),
  })
  .strict();

export const ActiveSessionsSchema = z
  .object({
    sessions: z.array(
      SessionMoodSchema.extend({ page: z.string().nullable().describe("Path of the session's latest page view.") }),
    ),
  })
  .meta({ id: "ActiveSessions" });

/** GET /v1/sessions: the sessions active now, for a live view. */
export const activeSessionsRoute = route<undefined, z.infer<typeof ActiveQuerySchema>>({
  method: "GET",
  path: "/v1/sessions",
  access: "secret",
  query: ActiveQuerySchema,
  summary: "Sessions active now, latest first",
  responses: { 200: ["The sessions with their moods.", ActiveSessionsSchema] },
  async handle({ query, caller, now }, { storage }): Promise<z.infer<typeof ActiveSessionsSchema>> {
    const since = now - (query.active_within ?? 1800) * 1000;
    const sessions = await storage.activeSessions(caller.account.id, since, query.limit ?? 50);
    const { policy } = caller.account;
    return {
      sessions: sessions.map((session) => {
        const result = moodOf(session.state, policy);
        return {
          session_id: session.sessionId,
          mood: result.mood,
          confidence: result.confidence,
          signals: result.signals,
          suggested_action: result.suggested_action,
          action_source: actionSource(result, policy),
          event_count: session.eventCount,
          updated_at: new Date(session.updatedAt).toISOString(),
          page: session.page,
        };
      }),
    };
  },
});
