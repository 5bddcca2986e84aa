import { moodOf } from "@sessionmood/engine";
import type { z } from "zod";
import { directRoute, type DirectRoute } from "../http/direct-route.js";
import { identifyCaller } from "../http/authenticate.js";
import { sessionNotFound } from "../http/http-error.js";
import type { Services } from "../services.js";
import type { SessionMoodSchema } from "./session-schemas.js";
import { sessionIdOfSegment } from "./session-id.js";

/** `/v1/sessions/:id/mood`, matched as Express would: any case, an optional trailing slash. */
const MOOD_PATH = /^\/v1\/sessions\/([^/?#]+)\/mood\/?(?:\?.*)?$/i;

/** GET /v1/sessions/:id/mood: the mood of the session's stored state, from one row. */
export function sessionMood({ store, logger }: Services): DirectRoute {
  return directRoute(["GET", "HEAD"], MOOD_PATH, logger, (req, _res, path): z.infer<typeof SessionMoodSchema> => {
    const { account } = identifyCaller(store, req, undefined, ["secret"]);
    const sessionId = sessionIdOfSegment(path[1]!);
    const session = store.findSession(account.id, sessionId);
    if (!session) throw sessionNotFound(sessionId);
    const { mood, confidence, signals, suggested_action } = moodOf(session.state);
    return {
      session_id: sessionId,
      mood,
      confidence,
      signals,
      suggested_action,
      event_count: session.eventCount,
      updated_at: new Date(session.updatedAt).toISOString(),
    };
  });
}
