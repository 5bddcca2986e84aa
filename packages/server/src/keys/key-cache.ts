import { LIMITS } from "../limits.js";
import type { AccountStore, StoredKey } from "../store/storage.js";

/**
 * Live keys by hash, so most requests skip the key lookup. An entry is trusted for
 * `LIMITS.KEY_CACHE_TTL_MS` at most, which bounds how long a key revoked by another server
 * process keeps working here; this process clears the cache itself whenever it changes a key or
 * an account. Misses are not kept, so unknown keys cannot flood it.
 */
export class KeyCache {
  private readonly entries = new Map<string, { key: StoredKey; until: number }>();

  constructor(private readonly accounts: AccountStore) {}

  /** The key with this hash if it works at `now`. */
  async find(keyHash: Buffer, now: number): Promise<StoredKey | undefined> {
    const id = keyHash.toString("hex");
    const cached = this.entries.get(id);
    if (cached && now < cached.until) return cached.key.expiresAt === null || now < cached.key.expiresAt ? cached.key : undefined;
    const key = await this.accounts.findKey(keyHash, now);
    if (!key) {
      this.entries.delete(id);
      return undefined;
    }
    if (this.entries.size >= LIMITS.CACHED_KEYS) this.entries.clear();
    this.entries.set(id, { key, until: now + LIMITS.KEY_CACHE_TTL_MS });
    return key;
  }

  /** Forgets every key: after a key or an account changed. */
  clear(): void {
    this.entries.clear();
  }

  /** Forgets one account's keys: after its settings or policy changed. */
  forgetAccount(accountId: number): void {
    for (const [id, entry] of this.entries) if (entry.key.account.id === accountId) this.entries.delete(id);
  }
}
