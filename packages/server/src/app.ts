import type { RequestListener } from "node:http";
import express from "express";
import { analyticsRouter } from "./analytics/analytics-router.js";
import { demoRouter } from "./demo/demo-router.js";
import { healthRouter } from "./health/health-router.js";
import { errorHandler, routeNotFound } from "./http/error-handler.js";
import { requestContext } from "./http/request-context.js";
import { keysRouter } from "./keys/keys-router.js";
import { openApiRouter } from "./openapi/openapi-router.js";
import { sdkRouter } from "./sdk/sdk-router.js";
import type { Services } from "./services.js";
import { ingestEvents } from "./sessions/ingest-events.js";
import { sessionMood } from "./sessions/session-mood.js";
import { sessionsRouter } from "./sessions/sessions-router.js";

/**
 * The whole HTTP API as a request listener; it does not listen (see `startServer`). Posting
 * events and reading a mood are answered ahead of Express (see `directRoute`), everything else
 * by Express.
 */
export function createApp(services: Services): RequestListener {
  const app = express();
  app.disable("x-powered-by");
  // API answers are never cached, so hashing every body for an ETag is wasted work.
  app.set("etag", false);

  app.use(requestContext(services.logger));
  app.use("/v1/sessions", sessionsRouter(services));
  app.use(healthRouter(services));
  app.use(openApiRouter());
  app.use(sdkRouter(services));
  app.use("/v1/keys", keysRouter(services));
  app.use("/v1/analytics", analyticsRouter(services));
  if (services.demoKey !== undefined) app.use(demoRouter(services.demoKey, services));

  app.use(routeNotFound);
  app.use(errorHandler(services.logger));

  const directRoutes = [ingestEvents(services), sessionMood(services)];
  return (req, res) => {
    if (!directRoutes.some((route) => route(req, res))) app(req, res);
  };
}
