import type { z } from "zod";
import { sessionNotFound } from "../http/http-error.js";
import { route } from "../http/route.js";
import type { StoredMoodChange } from "../store/storage.js";
import { SESSION_ID_PARAM, sessionIdOf } from "./session-id.js";
import { MoodChangeSchema, TimelineSchema } from "./session-schemas.js";

export function changeBody(change: StoredMoodChange): z.infer<typeof MoodChangeSchema> {
  const { id, at, from, to, confidence, signals, page } = change;
  return { id, at: new Date(at).toISOString(), from, to, confidence, signals, page };
}

/** GET /v1/sessions/:id/timeline: every change of the session's mood. */
export const sessionTimelineRoute = route({
  method: "GET",
  path: "/v1/sessions/:id/timeline",
  params: SESSION_ID_PARAM,
  access: "secret",
  summary: "Every change of the session's mood",
  description:
    "Worked out event by event in time order, so it is the same however the events were batched and in whatever " +
    "order the batches arrived.",
  responses: { 200: ["The changes, oldest first.", TimelineSchema], 404: ["The session has no events or was deleted."] },
  async handle({ params, caller }, { storage }): Promise<z.infer<typeof TimelineSchema>> {
    const sessionId = sessionIdOf(params);
    const changes = await storage.timeline(caller.account.id, sessionId);
    if (!changes) throw sessionNotFound(sessionId);
    return { session_id: sessionId, changes: changes.map(changeBody) };
  },
});
