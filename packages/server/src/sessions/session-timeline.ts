import { MOODS } from "@sessionmood/engine";
import { z } from "zod";
import { sessionNotFound } from "../http/http-error.js";
import { route } from "../http/route.js";
import type { StoredMoodChange } from "../store/storage.js";
import { SESSION_ID_PARAM, sessionIdOf } from "./session-id.js";

export const MoodChangeSchema = z
  .object({
    id: z.number().int().describe("The change's id: streams use it as the event id."),
    at: z.string().describe("ISO 8601: the time of the event that changed the mood."),
    from: z.enum(MOODS),
    to: z.enum(MOODS),
    confidence: z.number(),
    signals: z.array(z.string()),
    page: z.string().nullable().describe("Path of the latest page view at that moment."),
  })
  .meta({ id: "MoodChange" });

export const TimelineSchema = z
  .object({ session_id: z.string(), changes: z.array(MoodChangeSchema).describe("Oldest first.") })
  .meta({ id: "Timeline" });

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
