import { z } from "zod";
import { Reply, route } from "../http/route.js";
import { LIMITS } from "../limits.js";
import { generateKey, hashKey } from "./api-key.js";

export const KeyRotationSchema = z
  .object({
    kind: z.enum(["secret", "publishable"]),
    grace_seconds: z
      .number()
      .int()
      .min(0)
      .max(LIMITS.KEY_GRACE_MAX_S)
      .default(LIMITS.KEY_GRACE_DEFAULT_S)
      .describe("How long the old key keeps working; 0 revokes it at once."),
  })
  .strict()
  .meta({ id: "KeyRotation" });

export const KeyRotatedSchema = z
  .object({
    api_key: z.string().optional().describe("The new secret key, when kind is secret. Shown once."),
    publishable_key: z.string().optional().describe("The new publishable key, when kind is publishable."),
    old_key_expires_at: z.string().describe("ISO 8601: when the old key stops working."),
  })
  .meta({ id: "KeyRotated" });

/** POST /v1/keys/rotate: a new key of one kind; the old one keeps working for a grace period. */
export const rotateKeyRoute = route<z.infer<typeof KeyRotationSchema>>({
  method: "POST",
  path: "/v1/keys/rotate",
  access: "secret",
  body: { schema: KeyRotationSchema },
  summary: "Replace the secret or the publishable key",
  description: "The old key keeps working for grace_seconds (default 24 h), then stops in every server process.",
  responses: { 201: ["The new key, shown only once.", KeyRotatedSchema] },
  async handle({ body, caller, now }, { storage, keys }) {
    const key = generateKey(body.kind);
    const newKey = { hash: hashKey(key), ...(body.kind === "publishable" && { publishable: key }) };
    const expiresAt = await storage.rotateKey(caller.account.id, body.kind, newKey, now, body.grace_seconds * 1000);
    keys.clear();
    const rotated: z.infer<typeof KeyRotatedSchema> = {
      [body.kind === "secret" ? "api_key" : "publishable_key"]: key,
      old_key_expires_at: new Date(expiresAt).toISOString(),
    };
    return new Reply(201, rotated);
  },
});
