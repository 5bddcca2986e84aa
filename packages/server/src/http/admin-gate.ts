import type { IncomingMessage } from "node:http";
import { hashKey, sameHash } from "../keys/api-key.js";
import { bearerToken } from "./authenticate.js";
import type { BurstLimiter } from "./burst-limiter.js";
import { clientAddress } from "./client-address.js";
import { HttpError } from "./http-error.js";

/**
 * With an admin token configured, only its holder passes (as a Bearer token); an address that
 * keeps presenting wrong tokens is refused with 429 for a while, whatever it presents.
 */
export function checkAdminToken(
  req: IncomingMessage,
  adminToken: string | undefined,
  failures: BurstLimiter,
  now: number,
): void {
  if (adminToken === undefined) return;
  const address = clientAddress(req);
  const waitMs = failures.waitFor(address, now);
  if (waitMs > 0) {
    const seconds = String(Math.ceil(waitMs / 1000));
    throw new HttpError(429, "Too Many Requests", { message: "Too many wrong admin tokens from this address" }, {
      "Retry-After": seconds,
    });
  }
  const token = bearerToken(req);
  // Hashing first gives the constant-time comparison inputs of equal length.
  if (token === undefined || !sameHash(hashKey(token), hashKey(adminToken))) {
    failures.take(address, now);
    throw new HttpError(401, "Unauthorized", { message: "This needs the admin token as a Bearer token" });
  }
}
