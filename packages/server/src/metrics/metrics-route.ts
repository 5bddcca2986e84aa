import { HttpError } from "../http/http-error.js";
import { RESPONSE_TAKEN, route } from "../http/route.js";

/** GET /metrics: Prometheus text, for the operator only. */
export const metricsRoute = route({
  method: "GET",
  path: "/metrics",
  access: "admin",
  summary: "Prometheus metrics",
  description:
    "Requests by route and status, stored events, batch commit latency, the commit queue, open streams, and the " +
    "process. Needs the admin token as a Bearer token; without SESSIONMOOD_ADMIN_TOKEN there are none (404).",
  responses: { 200: ["The Prometheus text format."], 404: ["No admin token is configured."] },
  async handle({ res }, { config, metrics }) {
    if (config.adminToken === undefined) {
      throw new HttpError(404, "Not Found", { message: "Metrics are served only when SESSIONMOOD_ADMIN_TOKEN is set" });
    }
    const text = await metrics.registry.metrics();
    res.writeHead(200, { "Content-Type": metrics.registry.contentType, "Cache-Control": "no-store" });
    res.end(text);
    return RESPONSE_TAKEN;
  },
});
