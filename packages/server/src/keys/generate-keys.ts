import type { z } from "zod";
import { HttpError } from "../http/http-error.js";
import { Reply, route } from "../http/route.js";
import { validate } from "../http/validate.js";
import { describePlan, isPlanName, PLAN_NAMES } from "../plans.js";
import { generateKey, hashKey } from "./api-key.js";
import { KeyRequestSchema, KeysIssuedSchema } from "./key-schemas.js";

const OPEN_SIGNUP_NOTE =
  " Open signup gives the starter plan whatever is asked; the operator opens other plans with the admin token.";

/** POST /v1/keys/generate: a new account with a secret and a publishable key. */
export const generateKeysRoute = route<z.infer<typeof KeyRequestSchema>>({
  method: "POST",
  path: "/v1/keys/generate",
  access: "admin",
  body: {
    schema: KeyRequestSchema,
    parse(raw) {
      const plan = (raw as { plan?: unknown } | undefined)?.plan;
      if (plan !== undefined && !isPlanName(plan)) {
        throw new HttpError(400, "Invalid plan", { field: "plan", valid_plans: [...PLAN_NAMES] });
      }
      return validate(KeyRequestSchema, raw ?? {});
    },
  },
  summary: "Open an account and issue its secret and publishable keys",
  description:
    "Without an admin token configured, signup is open and every account gets the starter plan; with one, " +
    "only its holder (Authorization: Bearer) may open accounts, on any plan.",
  responses: {
    201: ["The account's keys, shown only once.", KeysIssuedSchema],
    429: ["Too many wrong admin tokens from this address."],
  },
  async handle({ body: request, now }, { config, storage }) {
    const openSignup = config.adminToken === undefined;
    const plan = openSignup ? "starter" : request.plan;
    const keys = { secret: generateKey("secret"), publishable: generateKey("publishable") };
    const account = await storage.createAccount(
      {
        name: request.customer_name,
        email: request.email ?? null,
        plan,
        allowedOrigins: request.allowed_origins ?? null,
        createdAt: now,
      },
      { secret: hashKey(keys.secret), publishable: hashKey(keys.publishable) },
      keys.publishable,
    );
    const issued: z.infer<typeof KeysIssuedSchema> = {
      api_key: keys.secret,
      publishable_key: keys.publishable,
      customer: account.name,
      email: account.email,
      plan: account.plan,
      limits: describePlan(config.plans[account.plan]),
      allowed_origins: account.allowedOrigins,
      message:
        "Keep the secret key somewhere safe: it is shown only this once. The publishable key goes in your pages." +
        (openSignup ? OPEN_SIGNUP_NOTE : ""),
    };
    return new Reply(201, issued);
  },
});
