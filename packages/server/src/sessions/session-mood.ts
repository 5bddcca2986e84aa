import { moodOf } from "@sessionmood/engine";
import type { z } from "zod";
import { actionSource } from "../learning/learn-policy.js";
import { sessionNotFound } from "../http/http-error.js";
import { route } from "../http/route.js";
import { SessionMoodSchema } from "./session-schemas.js";
import { SESSION_ID_PARAM, sessionIdOf } from "./session-id.js";

/** GET /v1/sessions/:id/mood: the mood of the session's stored state, from one row. */
export const sessionMoodRoute = route({
  method: "GET",
  path: "/v1/sessions/:id/mood",
  params: SESSION_ID_PARAM,
  access: "secret",
  summary: "The session's current mood",
  responses: { 200: ["The mood.", SessionMoodSchema], 404: ["The session has no events or was deleted."] },
  async handle({ params, caller }, { storage }): Promise<z.infer<typeof SessionMoodSchema>> {
    const sessionId = sessionIdOf(params);
    const session = await storage.findSession(caller.account.id, sessionId);
    if (!session) throw sessionNotFound(sessionId);
    const result = moodOf(session.state, caller.account.policy);
    const { mood, confidence, signals, suggested_action } = result;
    return {
      session_id: sessionId,
      mood,
      confidence,
      signals,
      suggested_action,
      action_source: actionSource(result, caller.account.policy),
      event_count: session.eventCount,
      updated_at: new Date(session.updatedAt).toISOString(),
    };
  },
});
