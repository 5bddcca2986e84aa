import { moodOf } from "@sessionmood/engine";
import type { RequestHandler } from "express";
import type { z } from "zod";
import { callerOf } from "../http/authenticate.js";
import { sessionNotFound } from "../http/http-error.js";
import type { Services } from "../services.js";
import type { SessionMoodSchema } from "./session-schemas.js";
import { sessionIdOf } from "./session-id.js";

/** GET /v1/sessions/:id/mood: the mood of the session's stored state, from one row. */
export function sessionMood({ store }: Services): RequestHandler<{ id: string }> {
  return (req, res) => {
    const sessionId = sessionIdOf(req);
    const session = store.findSession(callerOf(res).account.id, sessionId);
    if (!session) throw sessionNotFound(sessionId);
    const { mood, confidence, signals, suggested_action } = moodOf(session.state);
    const body: z.infer<typeof SessionMoodSchema> = {
      session_id: sessionId,
      mood,
      confidence,
      signals,
      suggested_action,
      event_count: session.eventCount,
      updated_at: new Date(session.updatedAt).toISOString(),
    };
    res.json(body);
  };
}
