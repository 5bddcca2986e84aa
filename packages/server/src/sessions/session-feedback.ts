import type { RequestHandler } from "express";
import type { z } from "zod";
import { callerOf } from "../http/authenticate.js";
import { sessionNotFound } from "../http/http-error.js";
import { validate } from "../http/validate.js";
import type { Services } from "../services.js";
import { FeedbackSchema, type FeedbackRecordedSchema } from "./session-schemas.js";
import { sessionIdOf } from "./session-id.js";

/** POST /v1/sessions/:id/feedback: records what a page did about a mood and whether it helped. */
export function sessionFeedback({ config, store }: Services): RequestHandler<{ id: string }> {
  return (req, res) => {
    const sessionId = sessionIdOf(req.params);
    const feedback = validate(FeedbackSchema, req.body ?? {});
    const recorded = store.addFeedback(callerOf(res).account.id, sessionId, {
      actionTaken: feedback.action_taken,
      wasHelpful: feedback.was_helpful ?? null,
      notes: feedback.notes ?? null,
      createdAt: config.now(),
    });
    if (!recorded) throw sessionNotFound(sessionId);
    const body: z.infer<typeof FeedbackRecordedSchema> = { session_id: sessionId, feedback_recorded: true };
    res.json(body);
  };
}
