import { readStored, writeStored } from "./storage.js";

const SESSION_KEY = "sm:session";

/**
 * The visit's session id: `given` if the page passed one, else the one kept for this tab in
 * sessionStorage, else a new random UUID. It is only written to storage when `keep` is true,
 * so a visitor who has not consented leaves nothing behind.
 */
export function sessionIdFor(given: string | undefined, keep: boolean): string {
  const id = given || readStored<string>(SESSION_KEY) || randomId();
  if (keep && !given) writeStored(SESSION_KEY, id);
  return id;
}

/** Forgets the stored session id (consent withdrawn). */
export function forgetSessionId(): void {
  writeStored(SESSION_KEY, null);
}

function randomId(): string {
  // crypto.randomUUID needs a secure context; plain-http pages still deserve a unique id.
  return globalThis.crypto?.randomUUID?.() ?? Date.now().toString(36) + Math.random().toString(36).slice(2);
}
