import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Caller } from "../http/authenticate.js";
import { HttpError } from "../http/http-error.js";
import { Reply, route } from "../http/route.js";
import { hashKey } from "../keys/api-key.js";
import { LIMITS } from "../limits.js";
import type { StreamStore } from "../store/storage.js";

const StreamTokenRequestSchema = z
  .object({
    ttl_seconds: z
      .number()
      .int()
      .min(1)
      .max(LIMITS.STREAM_TOKEN_MAX_TTL_S)
      .optional()
      .describe(`How long the token works (default ${LIMITS.STREAM_TOKEN_TTL_S}, at most ${LIMITS.STREAM_TOKEN_MAX_TTL_S}).`),
  })
  .strict()
  .meta({ id: "StreamTokenRequest" });

const StreamTokenSchema = z
  .object({
    token: z.string().describe("For ?token= on the stream routes only; reusable until it expires."),
    expires_at: z.string(),
  })
  .meta({ id: "StreamToken" });

/** POST /v1/stream-tokens: a read-only token a browser's EventSource can put in a URL. */
export const streamTokenRoute = route<z.infer<typeof StreamTokenRequestSchema>>({
  method: "POST",
  path: "/v1/stream-tokens",
  access: "secret",
  body: { schema: StreamTokenRequestSchema },
  summary: "A short-lived token for the streams",
  description: "EventSource cannot send headers, and a secret key never goes into a URL: a stream token can only read streams.",
  responses: { 201: ["The token.", StreamTokenSchema] },
  async handle({ body, caller, now }, { storage }) {
    const token = `st_${randomBytes(24).toString("base64url")}`;
    const expiresAt = now + (body.ttl_seconds ?? LIMITS.STREAM_TOKEN_TTL_S) * 1000;
    await storage.createStreamToken(hashKey(token), caller.account.id, expiresAt);
    return new Reply(201, { token, expires_at: new Date(expiresAt).toISOString() });
  },
});

/** The caller a stream token stands for, or a 401 for an unknown or expired one. */
export async function streamTokenCaller(streams: StreamStore, token: string, now: number): Promise<Caller> {
  const keyHash = hashKey(token);
  const account = await streams.findStreamToken(keyHash, now);
  if (!account) throw new HttpError(401, "Unauthorized", { message: "The stream token is unknown or has expired" });
  return { account, keyKind: "stream_token", keyHash };
}
