import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import BetterSqlite3, { type Database } from "better-sqlite3";
import type { Mood, MoodEvent, MoodState } from "@sessionmood/engine";
import { LIMITS } from "../../limits.js";
import type { PlanTable } from "../../plans.js";
import type {
  Account,
  AccountSettingsPatch,
  BatchOutcome,
  EventBatch,
  Feedback,
  KeyKind,
  MoodCounts,
  NewAccount,
  SessionExport,
  Storage,
  StoredKey,
  StoredSession,
} from "../storage.js";
import { WalCheckpointer } from "../wal-checkpointer.js";
import { SqliteAccounts } from "./accounts.js";
import { SqliteAnalytics } from "./analytics.js";
import { migrate } from "./migrations.js";
import { SqliteRetention } from "./retention.js";
import { SqliteSessions } from "./sessions.js";

export interface SqliteStorageOptions {
  /** File path, or `:memory:`. */
  path: string;
  synchronous: "NORMAL" | "FULL";
  /** Hears of problems in the background, where no caller is waiting for them (the server logs them). */
  onError(error: unknown, context: string): void;
}

/** The Storage on one SQLite file, in WAL mode, with every statement prepared once. */
export class SqliteStorage implements Storage {
  private readonly db: Database;
  private readonly checkpointer: WalCheckpointer | undefined;
  private readonly accounts: SqliteAccounts;
  private readonly sessions: SqliteSessions;
  private readonly analytics: SqliteAnalytics;
  private readonly retention: SqliteRetention;
  private readonly ping;

  constructor(options: SqliteStorageOptions) {
    if (options.path !== ":memory:") mkdirSync(dirname(options.path), { recursive: true });
    this.db = new BetterSqlite3(options.path);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma(`synchronous = ${options.synchronous}`);
    this.db.pragma("busy_timeout = 5000");
    migrate(this.db);
    if (options.path !== ":memory:") {
      this.db.pragma("wal_autocheckpoint = 0");
      this.checkpointer = new WalCheckpointer(options.path, LIMITS.WAL_CHECKPOINT_MS, (error) =>
        options.onError(error, "WAL checkpoint"),
      );
    }
    this.accounts = new SqliteAccounts(this.db);
    this.sessions = new SqliteSessions(this.db);
    this.analytics = new SqliteAnalytics(this.db);
    this.retention = new SqliteRetention(this.db);
    this.ping = this.db.prepare("SELECT 1").pluck();
  }

  createAccount(account: NewAccount, keyHashes: Record<KeyKind, Buffer>): Promise<Account> {
    return this.accounts.createAccount(account, keyHashes);
  }

  findKey(keyHash: Buffer, now: number): Promise<StoredKey | undefined> {
    return this.accounts.findKey(keyHash, now);
  }

  rotateKey(accountId: number, kind: KeyKind, newKeyHash: Buffer, now: number, graceMs: number): Promise<number> {
    return this.accounts.rotateKey(accountId, kind, newKeyHash, now, graceMs);
  }

  demoAccount(createdAt: number): Promise<Account> {
    return this.accounts.demoAccount(createdAt);
  }

  updateSettings(accountId: number, patch: AccountSettingsPatch): Promise<Account> {
    return this.accounts.updateSettings(accountId, patch);
  }

  recordBatch(batch: EventBatch): Promise<BatchOutcome> {
    return this.sessions.recordBatch(batch);
  }

  findSession(accountId: number, sessionId: string): Promise<StoredSession | undefined> {
    return this.sessions.findSession(accountId, sessionId);
  }

  addFeedback(accountId: number, sessionId: string, feedback: Feedback): Promise<boolean> {
    return this.sessions.addFeedback(accountId, sessionId, feedback);
  }

  deleteSession(accountId: number, sessionId: string, deletedAt: number): Promise<boolean> {
    return this.sessions.deleteSession(accountId, sessionId, deletedAt);
  }

  exportSession(accountId: number, sessionId: string): Promise<SessionExport | undefined> {
    return this.sessions.exportSession(accountId, sessionId);
  }

  rescoreStale(
    version: number,
    rescore: (events: MoodEvent[]) => { state: MoodState; mood: Mood },
    limit: number,
  ): Promise<number> {
    return this.sessions.rescoreStale(version, rescore, limit);
  }

  moodCounts(accountId: number): Promise<MoodCounts> {
    return this.analytics.moodCounts(accountId);
  }

  purgeExpired(now: number, plans: PlanTable, limit: number): Promise<number> {
    return this.retention.purgeExpired(now, plans, limit);
  }

  async isHealthy(): Promise<boolean> {
    try {
      return this.ping.get() === 1;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    this.sessions.commitQueued();
    await this.checkpointer?.stop();
    // The last connection to close checkpoints the whole log and removes it.
    this.db.close();
  }
}
