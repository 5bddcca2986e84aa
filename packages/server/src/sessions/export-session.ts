import { moodOf } from "@sessionmood/engine";
import { actionSource } from "../learning/learn-policy.js";
import { changeBody } from "./session-timeline.js";
import type { z } from "zod";
import { sessionNotFound } from "../http/http-error.js";
import { route } from "../http/route.js";
import { SessionExportSchema } from "./session-schemas.js";
import { SESSION_ID_PARAM, sessionIdOf } from "./session-id.js";

const iso = (ms: number): string => new Date(ms).toISOString();

/** GET /v1/sessions/:id/export: everything stored about a session, for a visitor's access request. */
export const exportSessionRoute = route({
  method: "GET",
  path: "/v1/sessions/:id/export",
  params: SESSION_ID_PARAM,
  access: "secret",
  summary: "Everything stored about the session (a visitor's access request)",
  responses: { 200: ["The session's events, mood, mood history and feedback.", SessionExportSchema], 404: ["No such session."] },
  async handle({ params, caller }, { storage }): Promise<z.infer<typeof SessionExportSchema>> {
    const sessionId = sessionIdOf(params);
    const stored = await storage.exportSession(caller.account.id, sessionId);
    if (!stored) throw sessionNotFound(sessionId);
    const { session, batches, feedback, changes } = stored;
    const result = moodOf(session.state, caller.account.policy);
    const { mood, confidence, signals, suggested_action } = result;
    return {
      session_id: sessionId,
      created_at: iso(session.createdAt),
      updated_at: iso(session.updatedAt),
      event_count: session.eventCount,
      mood: { mood, confidence, signals, suggested_action, action_source: actionSource(result, caller.account.policy) },
      events: batches.flatMap((batch) => batch.events.map((event) => ({ ...event, received_at: iso(batch.receivedAt) }))),
      feedback: feedback.map((entry) => ({
        action_taken: entry.actionTaken,
        was_helpful: entry.wasHelpful,
        notes: entry.notes,
        created_at: iso(entry.createdAt),
      })),
      timeline: changes.map(changeBody),
    };
  },
});
