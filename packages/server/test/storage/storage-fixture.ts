import { join } from "node:path";
import type { MoodEvent } from "@sessionmood/engine";
import { DAY_MS, type PlanName } from "../../src/plans.js";
import { SqliteStorage } from "../../src/store/sqlite/sqlite-storage.js";
import type { EventBatch } from "../../src/store/storage.js";
import { temporaryDirectory } from "../test-server.js";

export const NOW = Date.UTC(2026, 4, 20, 12);

export interface StorageFixture {
  storage: SqliteStorage;
  path: string;
  accountId: number;
  /** Background errors the storage reported. */
  errors: unknown[];
  /** Another account of `plan`; returns its id. */
  addAccount(plan?: PlanName, keys?: { secret: Buffer; publishable: Buffer }): Promise<number>;
  /** Reopens the storage on the same file. */
  reopen(): Promise<void>;
  close(): Promise<void>;
}

/** A SqliteStorage on a fresh file in a temporary directory, with one pro account. */
export async function openStorage(): Promise<StorageFixture> {
  const dir = temporaryDirectory();
  const path = join(dir.path, "storage.db");
  const errors: unknown[] = [];
  const open = () => new SqliteStorage({ path, synchronous: "NORMAL", onError: (error) => errors.push(error) });
  let keyCount = 0;
  const fixture: StorageFixture = {
    storage: open(),
    path,
    accountId: 0,
    errors,
    async addAccount(plan = "pro", keys) {
      keyCount += 1;
      const account = { name: "Acme", email: null, plan, allowedOrigins: null, createdAt: NOW };
      const keyHashes = keys ?? { secret: Buffer.from(`s${keyCount}`), publishable: Buffer.from(`p${keyCount}`) };
      return (await fixture.storage.createAccount(account, keyHashes, `pk_test${keyCount}`)).id;
    },
    async reopen() {
      await fixture.storage.close();
      fixture.storage = open();
    },
    async close() {
      await fixture.storage.close();
      dir.remove();
    },
  };
  fixture.accountId = await fixture.addAccount();
  return fixture;
}

export function clicks(count: number): MoodEvent[] {
  return Array.from({ length: count }, (_, i) => ({ type: "click", ts: NOW / 1000 + i }));
}

/** A batch of `events` for the session of a pro account (90 days); `fields` override the rest. */
export function batch(
  accountId: number,
  sessionId: string,
  events: MoodEvent[],
  fields: Partial<EventBatch> = {},
): EventBatch {
  return {
    accountId,
    sessionId,
    batchId: null,
    events,
    receivedAt: NOW,
    retentionMs: 90 * DAY_MS,
    month: "2026-05",
    newSessionsPerMonth: 100,
    maxSessionEvents: 10_000,
    webhook: null,
    ...fields,
  };
}
