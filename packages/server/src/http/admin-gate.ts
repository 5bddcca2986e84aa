import type { IncomingMessage } from "node:http";
import { hashKey, sameHash } from "../keys/api-key.js";
import { LIMITS } from "../limits.js";
import { bearerToken } from "./authenticate.js";
import { BurstLimiter } from "./burst-limiter.js";
import { clientAddress } from "./client-address.js";
import { HttpError, tooManyRequests } from "./http-error.js";

/**
 * The check of admin routes: with an admin token configured, only its holder passes (as a Bearer
 * token), and an address that keeps presenting wrong tokens is refused with 429 for a while,
 * whatever it presents. Without one, everyone passes.
 */
export function createAdminGate(
  adminToken: string | undefined,
  trustedProxies: number,
): (req: IncomingMessage, now: number) => void {
  if (adminToken === undefined) return () => {};
  // Hashing first gives the constant-time comparison inputs of equal length.
  const expected = hashKey(adminToken);
  const failures = new BurstLimiter(LIMITS.ADMIN_FAILURES_PER_MINUTE, LIMITS.RATE_LIMIT_CLIENTS);
  return (req, now) => {
    const address = clientAddress(req, trustedProxies);
    const waitMs = failures.waitFor(address, now);
    if (waitMs > 0) throw tooManyRequests("Too many wrong admin tokens from this address", waitMs);
    const token = bearerToken(req);
    if (token === undefined || !sameHash(hashKey(token), expected)) {
      failures.take(address, now);
      throw new HttpError(401, "Unauthorized", { message: "This needs the admin token as a Bearer token" });
    }
  };
}
