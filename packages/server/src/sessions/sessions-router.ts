import { Router } from "express";
import { authenticate } from "../http/authenticate.js";
import { jsonBody } from "../http/json-body.js";
import type { Services } from "../services.js";
import { deleteSession } from "./delete-session.js";
import { eventsPreflight } from "./events-cors.js";
import { sessionFeedback } from "./session-feedback.js";

/**
 * /v1/sessions: a session's feedback and erasure, and the preflight for its events (posting
 * events and reading the mood are direct routes, see `ingestEvents` and `sessionMood`).
 */
export function sessionsRouter(services: Services): Router {
  const router = Router();
  const secretKey = authenticate(services.store, ["secret"]);

  router.options("/:id/events", eventsPreflight);
  router.post("/:id/feedback", secretKey, jsonBody({ acceptTextPlain: false }), sessionFeedback(services));
  router.delete("/:id", secretKey, deleteSession(services));
  return router;
}
