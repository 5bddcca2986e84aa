import type { RequestListener } from "node:http";
import express from "express";
import { demoRouter } from "./demo/demo-router.js";
import { docsRouter } from "./docs/docs-router.js";
import { apiRouter } from "./http/api-router.js";
import { errorHandler, routeNotFound } from "./http/error-handler.js";
import { requestContext } from "./http/request-context.js";
import { ROUTES } from "./routes.js";
import { sdkRouter } from "./sdk/sdk-router.js";
import type { Services } from "./services.js";

/**
 * The whole HTTP service as a request listener; it does not listen (see `startServer`). The API's
 * route table is answered by its own router; Express serves files (the SDK bundle, the API
 * reference, the demo) and answers everything else with a JSON 404.
 */
export function createApp(services: Services): RequestListener {
  const app = express();
  app.disable("x-powered-by");
  // API answers are never cached, so hashing every body for an ETag is wasted work.
  app.set("etag", false);

  app.use(requestContext(services.logger));
  app.use(sdkRouter(services));
  app.use(docsRouter());
  if (services.demoKey !== undefined) app.use(demoRouter(services.demoKey, services));
  app.use(routeNotFound);
  app.use(errorHandler(services.logger));

  const api = apiRouter(ROUTES, services);
  return (req, res) => {
    if (!api(req, res)) app(req, res);
  };
}
