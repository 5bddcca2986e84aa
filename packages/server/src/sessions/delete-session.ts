import type { RequestHandler } from "express";
import type { z } from "zod";
import { callerOf } from "../http/authenticate.js";
import { sessionNotFound } from "../http/http-error.js";
import type { Services } from "../services.js";
import type { SessionDeletedSchema } from "./session-schemas.js";
import { sessionIdOf } from "./session-id.js";

/** DELETE /v1/sessions/:id: erases the session's events, mood and feedback for good. */
export function deleteSession({ store }: Services): RequestHandler<{ id: string }> {
  return (req, res) => {
    const sessionId = sessionIdOf(req.params);
    if (!store.deleteSession(callerOf(res).account.id, sessionId)) throw sessionNotFound(sessionId);
    const body: z.infer<typeof SessionDeletedSchema> = {
      session_id: sessionId,
      deleted: true,
      message: "The session's events, mood and feedback are erased.",
    };
    res.json(body);
  };
}
