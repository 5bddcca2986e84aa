import { LIMITS } from "../limits.js";
import type { Logger } from "../logger.js";
import { DAY_MS, PLAN_NAMES, type PlanTable } from "../plans.js";
import type { SessionStore } from "../store/session-store.js";
import type { RetentionStore } from "../store/storage.js";

/** Deletes every session idle for longer than its account plan's retention; returns how many. */
export function purgeExpiredSessions(store: SessionStore, plans: PlanTable, now: number): number {
  let purged = 0;
  for (const plan of PLAN_NAMES) purged += store.purgeSessions(plan, now - plans[plan].retentionDays * DAY_MS);
  return purged;
}

/**
 * Purges everything past retention at `now` in chunks of short transactions, letting requests
 * run between them; returns how many rows it deleted.
 */
export async function purgeInChunks(storage: RetentionStore, plans: PlanTable, now: number): Promise<number> {
  let purged = 0;
  for (;;) {
    const chunk = await storage.purgeExpired(now, plans, LIMITS.PURGE_CHUNK_ROWS);
    if (chunk === 0) return purged;
    purged += chunk;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

export interface RetentionOptions {
  store: SessionStore;
  plans: PlanTable;
  intervalMs: number;
  now: () => number;
  logger: Logger;
}

/** Purges now and then every `intervalMs`; returns the function that stops it. */
export function scheduleRetentionPurge({ store, plans, intervalMs, now, logger }: RetentionOptions): () => void {
  const purge = (): void => {
    try {
      const purged = purgeExpiredSessions(store, plans, now());
      if (purged > 0) logger.info({ purged }, "retention purge");
    } catch (error) {
      logger.error({ err: error }, "retention purge failed");
    }
  };
  purge();
  const timer = setInterval(purge, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
