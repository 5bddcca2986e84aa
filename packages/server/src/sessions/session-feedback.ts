import type { z } from "zod";
import { sessionNotFound } from "../http/http-error.js";
import { route } from "../http/route.js";
import { FeedbackRecordedSchema, FeedbackSchema } from "./session-schemas.js";
import { SESSION_ID_PARAM, sessionIdOf } from "./session-id.js";

/** POST /v1/sessions/:id/feedback: records what a page did about a mood and whether it helped. */
export const sessionFeedbackRoute = route<z.infer<typeof FeedbackSchema>>({
  method: "POST",
  path: "/v1/sessions/:id/feedback",
  params: SESSION_ID_PARAM,
  access: "secret",
  body: { schema: FeedbackSchema },
  summary: "Record what was done about the mood and whether it helped",
  responses: { 200: ["Recorded.", FeedbackRecordedSchema], 404: ["The session has no events or was deleted."] },
  async handle({ params, body, caller, now }, { storage }): Promise<z.infer<typeof FeedbackRecordedSchema>> {
    const sessionId = sessionIdOf(params);
    const recorded = await storage.addFeedback(caller.account.id, sessionId, {
      actionTaken: body.action_taken,
      wasHelpful: body.was_helpful ?? null,
      notes: body.notes ?? null,
      createdAt: now,
    });
    if (!recorded) throw sessionNotFound(sessionId);
    return { session_id: sessionId, feedback_recorded: true };
  },
});
