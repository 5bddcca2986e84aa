import type { Route } from "../http/route.js";
import { route } from "../http/route.js";
import { openApiDocument } from "./openapi-document.js";

/** GET /v1/openapi.json: the description of `routes`, built once. */
export function openApiRoute(routes: readonly Route[]): Route {
  let document: object | undefined;
  return route({
    method: "GET",
    path: "/v1/openapi.json",
    access: "public",
    summary: "This description of the API",
    responses: { 200: ["The OpenAPI 3.1 document."] },
    handle: () => (document ??= openApiDocument(routes)),
  });
}
