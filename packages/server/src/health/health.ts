import { z } from "zod";
import { Reply, route } from "../http/route.js";
import { VERSION } from "../version.js";

export const HealthSchema = z
  .object({
    status: z.enum(["ok", "degraded", "down"]).describe("degraded: the database does not answer; down: shutting down."),
    version: z.string(),
  })
  .meta({ id: "Health" });

/** GET /health: for uptime monitors and load balancers; no key needed. */
export const healthRoute = route({
  method: "GET",
  path: "/health",
  access: "public",
  summary: "Whether the server and its database are up",
  responses: { 200: ["Up, or up without its database (degraded).", HealthSchema], 503: ["Shutting down.", HealthSchema] },
  async handle(_request, { storage, lifecycle }) {
    const status = lifecycle.closing ? "down" : (await storage.isHealthy()) ? "ok" : "degraded";
    const body: z.infer<typeof HealthSchema> = { status, version: VERSION };
    return new Reply(status === "down" ? 503 : 200, body);
  },
});
