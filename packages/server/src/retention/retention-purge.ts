import { repeatEvery } from "../background/repeat-every.js";
import { LIMITS } from "../limits.js";
import type { Logger } from "../logger.js";
import type { PlanTable } from "../plans.js";
import type { RetentionStore } from "../store/storage.js";

/**
 * Deletes everything past its account's retention, one small transaction at a time, letting other
 * work run between them; returns how many rows it deleted.
 */
export async function purgeInChunks(storage: RetentionStore, plans: PlanTable, now: number): Promise<number> {
  let purged = 0;
  for (;;) {
    const deleted = await storage.purgeExpired(now, plans, LIMITS.PURGE_CHUNK_ROWS);
    if (deleted === 0) return purged;
    purged += deleted;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

export interface RetentionOptions {
  storage: RetentionStore;
  plans: PlanTable;
  intervalMs: number;
  now: () => number;
  logger: Logger;
}

/** Purges now and then every `intervalMs`; returns the function that stops it (see `repeatEvery`). */
export function scheduleRetentionPurge({ storage, plans, intervalMs, now, logger }: RetentionOptions): () => Promise<void> {
  return repeatEvery(intervalMs, () =>
    purgeInChunks(storage, plans, now()).then(
      (purged) => void (purged > 0 && logger.info({ purged }, "retention purge")),
      (error: unknown) => logger.error({ err: error }, "retention purge failed"),
    ),
  );
}
