import { Router } from "express";
import { openApiDocument } from "./openapi-document.js";

/** GET /v1/openapi.json. */
export function openApiRouter(): Router {
  const router = Router();
  const document = JSON.stringify(openApiDocument());
  router.get("/v1/openapi.json", (_req, res) => {
    res.type("application/json").send(document);
  });
  return router;
}
