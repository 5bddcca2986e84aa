import { Router } from "express";
import { authenticate } from "../http/authenticate.js";
import { jsonBody } from "../http/json-body.js";
import type { Services } from "../services.js";
import { deleteSession } from "./delete-session.js";
import { checkEventsOrigin, eventsCorsHeaders, eventsPreflight } from "./events-cors.js";
import { ingestEvents } from "./ingest-events.js";
import { sessionFeedback } from "./session-feedback.js";
import { sessionMood } from "./session-mood.js";

/** /v1/sessions: a session's events, mood, feedback and erasure. */
export function sessionsRouter(services: Services): Router {
  const router = Router();
  const secretKey = authenticate(services.store, ["secret"]);

  router.options("/:id/events", eventsPreflight);
  router.post(
    "/:id/events",
    eventsCorsHeaders,
    authenticate(services.store, ["secret", "publishable"]),
    checkEventsOrigin,
    jsonBody({ acceptTextPlain: true }),
    ingestEvents(services),
  );
  router.get("/:id/mood", secretKey, sessionMood(services));
  router.post("/:id/feedback", secretKey, jsonBody({ acceptTextPlain: false }), sessionFeedback(services));
  router.delete("/:id", secretKey, deleteSession(services));
  return router;
}
