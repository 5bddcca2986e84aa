import type { z } from "zod";
import { sessionNotFound } from "../http/http-error.js";
import { route } from "../http/route.js";
import { learnPolicy } from "../learning/learn-policy.js";
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
  description:
    "Recorded with the session's mood at this moment. Rated feedback (was_helpful given) teaches the account's policy: " +
    "see the README's \"Learned actions\".",
  responses: { 200: ["Recorded.", FeedbackRecordedSchema], 404: ["The session has no events or was deleted."] },
  async handle({ params, body, caller, now }, { storage, keys }): Promise<z.infer<typeof FeedbackRecordedSchema>> {
    const sessionId = sessionIdOf(params);
    const recorded = await storage.addFeedback(caller.account.id, sessionId, {
      actionTaken: body.action_taken,
      wasHelpful: body.was_helpful ?? null,
      notes: body.notes ?? null,
      createdAt: now,
    }, learnPolicy);
    if (!recorded) throw sessionNotFound(sessionId);
    // Keys carry their account's policy: answers from now on must suggest what it learned.
    if (JSON.stringify(recorded.policy) !== JSON.stringify(caller.account.policy)) keys.forgetAccount(caller.account.id);
    return { session_id: sessionId, feedback_recorded: true };
  },
});
