import { generateKey, hashKey } from "../keys/api-key.js";
import type { AccountStore } from "../store/storage.js";

/**
 * A fresh publishable key for the "Demo" account (created if missing). Only hashes are stored,
 * so the key of an earlier start cannot be read back; it is replaced instead.
 */
export async function issueDemoKey(accounts: AccountStore, now: number): Promise<string> {
  const account = await accounts.demoAccount(now);
  const key = generateKey("publishable");
  await accounts.rotateKey(account.id, "publishable", { hash: hashKey(key), publishable: key }, now, 0);
  return key;
}
