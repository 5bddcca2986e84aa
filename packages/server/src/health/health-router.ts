import { Router } from "express";
import { z } from "zod";
import type { Services } from "../services.js";
import { VERSION } from "../version.js";

export const HealthSchema = z
  .object({
    status: z.enum(["ok", "degraded", "down"]).describe("degraded: the database does not answer; down: shutting down."),
    version: z.string(),
  })
  .meta({ id: "Health" });

/** GET /health: for uptime monitors and load balancers; no key needed. */
export function healthRouter({ store, lifecycle }: Services): Router {
  const router = Router();
  router.get("/health", (_req, res) => {
    const status = lifecycle.closing ? "down" : store.isHealthy() ? "ok" : "degraded";
    const body: z.infer<typeof HealthSchema> = { status, version: VERSION };
    res.status(status === "down" ? 503 : 200).json(body);
  });
  return router;
}
