import { generateKey, hashKey } from "../keys/api-key.js";
import type { SessionStore } from "../store/session-store.js";

/**
 * A fresh publishable key for the "Demo" account (created if missing). Only hashes are stored,
 * so the key of an earlier start cannot be read back; it is revoked instead.
 */
export function issueDemoKey(store: SessionStore, now: number): string {
  const account = store.demoAccount(now);
  const key = generateKey("publishable");
  store.revokePublishableKeys(account.id, now);
  store.addKey(account.id, "publishable", hashKey(key), now);
  return key;
}
