import { Router } from "express";
import { authenticate } from "../http/authenticate.js";
import { jsonBody } from "../http/json-body.js";
import type { Services } from "../services.js";
import { deleteSession } from "./delete-session.js";
import { eventsPreflight } from "./events-cors.js";
import { sessionFeedback } from "./session-feedback.js";
import { sessionMood } from "./session-mood.js";

/**
 * /v1/sessions: a session's mood, feedback and erasure, and the preflight for its events
 * (posting events itself is `ingestEvents`, ahead of Express).
 */
export function sessionsRouter(services: Services): Router {
  const router = Router();
  const secretKey = authenticate(services.store, ["secret"]);

  router.options("/:id/events", eventsPreflight);
  router.get("/:id/mood", secretKey, sessionMood(services));
  router.post("/:id/feedback", secretKey, jsonBody({ acceptTextPlain: false }), sessionFeedback(services));
  router.delete("/:id", secretKey, deleteSession(services));
  return router;
}
