import { createRequire } from "node:module";
import { dirname } from "node:path";
import express, { Router } from "express";

/** Where the installed swagger-ui-dist package keeps its files, wherever this package is installed. */
const SWAGGER_UI = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));

/** The reference page: Swagger UI over this server's own /v1/openapi.json, with no request leaving it. */
const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>SessionMood API reference</title>
  <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
  <div id="reference"></div>
  <script src="/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/docs/reference.js"></script>
</body>
</html>
`;

const START = `window.ui = SwaggerUIBundle({ url: "/v1/openapi.json", dom_id: "#reference", deepLinking: true });\n`;

/** GET /docs: the API's reference page. */
export function docsRouter(): Router {
  const router = Router();
  router.get(["/docs", "/docs/"], (_req, res) => void res.type("html").send(PAGE));
  router.get("/docs/reference.js", (_req, res) => void res.type("application/javascript").send(START));
  router.use("/docs/assets", express.static(SWAGGER_UI, { index: false, maxAge: "1d" }));
  return router;
}
