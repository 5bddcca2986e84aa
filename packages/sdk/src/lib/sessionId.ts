import { randomId } from "./randomId.js";
import { readStored, writeStored } from "./storage.js";

const SESSION_KEY = "sm:session";

/** The visit's session id: `given` if the page passed one, else the one kept for this tab, else a new one. */
export function sessionIdFor(given: string | undefined): string {
  return given || readStored<string>(SESSION_KEY) || randomId();
}

/**
 * Keeps `id` for this tab in sessionStorage, so that a reload continues the session. Only called
 * once the visitor consented: one who has not leaves nothing behind, and one who consents later
 * goes on under the id the page already has.
 */
export function keepSessionId(id: string): void {
  writeStored(SESSION_KEY, id);
}

/** Forgets the stored session id (consent withdrawn). */
export function forgetSessionId(): void {
  writeStored(SESSION_KEY, null);
}
