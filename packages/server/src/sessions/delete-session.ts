import type { z } from "zod";
import { sessionNotFound } from "../http/http-error.js";
import { route } from "../http/route.js";
import { SessionDeletedSchema } from "./session-schemas.js";
import { SESSION_ID_PARAM, sessionIdOf } from "./session-id.js";

/** DELETE /v1/sessions/:id: erases the session's events, mood and feedback for good. */
export const deleteSessionRoute = route({
  method: "DELETE",
  path: "/v1/sessions/:id",
  params: SESSION_ID_PARAM,
  access: "secret",
  summary: "Erase the session: events, mood and feedback",
  description: "Once answered, the session never comes back: batches still on their way for it are refused (410).",
  responses: { 200: ["Erased.", SessionDeletedSchema], 404: ["The session has no events or was deleted."] },
  async handle({ params, caller, now }, { storage }): Promise<z.infer<typeof SessionDeletedSchema>> {
    const sessionId = sessionIdOf(params);
    if (!(await storage.deleteSession(caller.account.id, sessionId, now))) throw sessionNotFound(sessionId);
    return { session_id: sessionId, deleted: true, message: "The session's events, mood and feedback are erased." };
  },
});
