import { Router, type RequestHandler } from "express";
import type { z } from "zod";
import { bearerToken } from "../http/authenticate.js";
import { HttpError } from "../http/http-error.js";
import { jsonBody } from "../http/json-body.js";
import { validate } from "../http/validate.js";
import { describePlan, isPlanName, PLAN_NAMES } from "../plans.js";
import type { Services } from "../services.js";
import { generateKey, hashKey, sameHash } from "./api-key.js";
import { KeyRequestSchema, type KeysIssuedSchema } from "./key-schemas.js";

/** /v1/keys: opening an account and issuing its keys. */
export function keysRouter(services: Services): Router {
  const router = Router();
  router.post("/generate", adminGate(services.config.adminToken), jsonBody({ acceptTextPlain: false }), generate(services));
  return router;
}

/** POST /v1/keys/generate: a new account with a secret and a publishable key. */
function generate({ config, store }: Services): RequestHandler {
  return (req, res) => {
    const body: unknown = req.body ?? {};
    const plan = (body as { plan?: unknown }).plan;
    if (plan !== undefined && !isPlanName(plan)) {
      throw new HttpError(400, "Invalid plan", { field: "plan", valid_plans: [...PLAN_NAMES] });
    }
    const request = validate(KeyRequestSchema, body);
    const keys = { secret: generateKey("secret"), publishable: generateKey("publishable") };
    const account = store.createAccount(
      {
        name: request.customer_name,
        email: request.email ?? null,
        plan: request.plan,
        allowedOrigins: request.allowed_origins ?? null,
        createdAt: config.now(),
      },
      { secret: hashKey(keys.secret), publishable: hashKey(keys.publishable) },
    );
    const issued: z.infer<typeof KeysIssuedSchema> = {
      api_key: keys.secret,
      publishable_key: keys.publishable,
      customer: account.name,
      email: account.email,
      plan: account.plan,
      limits: describePlan(config.plans[account.plan]),
      allowed_origins: account.allowedOrigins,
      message: "Keep the secret key somewhere safe: it is shown only this once. The publishable key goes in your pages.",
    };
    res.status(201).json(issued);
  };
}

/** With an admin token configured, only its holder may open accounts. */
function adminGate(adminToken: string | undefined): RequestHandler {
  // Hashing first gives the constant-time comparison inputs of equal length.
  const expected = adminToken === undefined ? undefined : hashKey(adminToken);
  return (req, _res, next) => {
    if (expected === undefined) return next();
    const token = bearerToken(req);
    if (token === undefined || !sameHash(hashKey(token), expected)) {
      throw new HttpError(401, "Unauthorized", { message: "Key generation needs the admin token as a Bearer token" });
    }
    next();
  };
}
