import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import BetterSqlite3, { type Database } from "better-sqlite3";
import type { ActionPolicy, Mood, MoodEvent, MoodState } from "@sessionmood/engine";
import { LIMITS } from "../../limits.js";
import type { PlanTable } from "../../plans.js";
import type {
  Account,
  AccountSettingsPatch,
  ActionStats,
  ActivityRow,
  AlertCondition,
  AlertStatus,
  AttemptResult,
  BatchOutcome,
  Delivery,
  DueDelivery,
  EventBatch,
  Feedback,
  FrustrationCount,
  KeyKind,
  LearnPolicy,
  MoodCounts,
  NewAccount,
  PageStats,
  SessionExport,
  Storage,
  StoredAlert,
  StoredKey,
  StoredMoodChange,
  StoredSession,
  TimeRange,
  WebhookSubscription,
} from "../storage.js";
import { WalCheckpointer } from "../wal-checkpointer.js";
import { SqliteAccounts } from "./accounts.js";
import { SqliteAlerts } from "./alerts.js";
import { SqliteAnalytics } from "./analytics.js";
import { migrate } from "./migrations.js";
import { SqliteRetention } from "./retention.js";
import { SqliteSessions } from "./sessions.js";
import { SqliteStreams } from "./streams.js";
import { SqliteWebhooks } from "./webhooks.js";

export interface SqliteStorageOptions {
  /** File path, or `:memory:`. */
  path: string;
  synchronous: "NORMAL" | "FULL";
  /** Hears of problems in the background, where no caller is waiting for them (the server logs them). */
  onError(error: unknown, context: string): void;
  /** Hears how long each group commit took. */
  onCommit?(seconds: number): void;
}

/** The Storage on one SQLite file, in WAL mode, with every statement prepared once. */
export class SqliteStorage implements Storage {
  private readonly db: Database;
  private readonly checkpointer: WalCheckpointer | undefined;
  private readonly accounts: SqliteAccounts;
  private readonly sessions: SqliteSessions;
  private readonly analytics: SqliteAnalytics;
  private readonly alerts: SqliteAlerts;
  private readonly webhooks: SqliteWebhooks;
  private readonly streams: SqliteStreams;
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
    this.sessions = new SqliteSessions(this.db, options.onCommit);
    this.analytics = new SqliteAnalytics(this.db);
    this.alerts = new SqliteAlerts(this.db);
    this.webhooks = new SqliteWebhooks(this.db);
    this.streams = new SqliteStreams(this.db);
    this.retention = new SqliteRetention(this.db);
    this.ping = this.db.prepare("SELECT 1").pluck();
  }

  createAccount(account: NewAccount, keyHashes: Record<KeyKind, Buffer>, publishableKey: string): Promise<Account> {
    return this.accounts.createAccount(account, keyHashes, publishableKey);
  }

  findKey(keyHash: Buffer, now: number): Promise<StoredKey | undefined> {
    return this.accounts.findKey(keyHash, now);
  }

  rotateKey(
    accountId: number,
    kind: KeyKind,
    newKey: { hash: Buffer; publishable?: string },
    now: number,
    graceMs: number,
  ): Promise<number> {
    return this.accounts.rotateKey(accountId, kind, newKey, now, graceMs);
  }

  publishableKey(accountId: number): Promise<string | null> {
    return this.accounts.publishableKey(accountId);
  }

  demoAccount(createdAt: number): Promise<Account> {
    return this.accounts.demoAccount(createdAt);
  }

  updateSettings(accountId: number, patch: AccountSettingsPatch, learn: LearnPolicy): Promise<Account> {
    return this.accounts.updateSettings(accountId, patch, learn);
  }

  recordBatch(batch: EventBatch): Promise<BatchOutcome> {
    return this.sessions.recordBatch(batch);
  }

  findSession(accountId: number, sessionId: string): Promise<StoredSession | undefined> {
    return this.sessions.findSession(accountId, sessionId);
  }

  timeline(accountId: number, sessionId: string): Promise<StoredMoodChange[] | undefined> {
    return this.sessions.timeline(accountId, sessionId);
  }

  activeSessions(accountId: number, since: number, limit: number): Promise<StoredSession[]> {
    return this.sessions.activeSessions(accountId, since, limit);
  }

  addFeedback(
    accountId: number,
    sessionId: string,
    feedback: Feedback,
    learn: LearnPolicy,
  ): Promise<{ policy: ActionPolicy } | undefined> {
    return this.sessions.addFeedback(accountId, sessionId, feedback, learn);
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

  moodCounts(accountId: number, range?: TimeRange): Promise<MoodCounts> {
    return this.analytics.moodCounts(accountId, range);
  }

  activity(accountId: number, range: TimeRange): Promise<ActivityRow[]> {
    return this.analytics.activity(accountId, range);
  }

  pageStats(accountId: number, range: TimeRange): Promise<PageStats[]> {
    return this.analytics.pageStats(accountId, range);
  }

  pageSignals(accountId: number, range: TimeRange, paths: readonly string[]): Promise<Map<string, Map<string, number>>> {
    return this.analytics.pageSignals(accountId, range, paths);
  }

  actionStats(accountId: number): Promise<ActionStats[]> {
    return this.analytics.actionStats(accountId);
  }

  frustration(accountId: number, range: TimeRange): Promise<FrustrationCount> {
    return this.analytics.frustration(accountId, range);
  }

  reconcileAlerts(
    accountId: number,
    holding: readonly AlertCondition[],
    now: number,
    webhook: WebhookSubscription | null,
  ): Promise<StoredAlert[]> {
    return this.alerts.reconcileAlerts(accountId, holding, now, webhook);
  }

  setWebhookSecret(accountId: number, secret: string): Promise<void> {
    return this.webhooks.setWebhookSecret(accountId, secret);
  }

  webhookTarget(accountId: number): Promise<{ url: string; secret: string } | undefined> {
    return this.webhooks.webhookTarget(accountId);
  }

  claimDeliveries(
    now: number,
    leaseMs: number,
    limit: number,
    perAccount: number,
    busyAccounts: readonly number[],
  ): Promise<DueDelivery[]> {
    return this.webhooks.claimDeliveries(now, leaseMs, limit, perAccount, busyAccounts);
  }

  finishAttempt(id: number, result: AttemptResult): Promise<void> {
    return this.webhooks.finishAttempt(id, result);
  }

  listDeliveries(accountId: number, limit: number): Promise<Delivery[]> {
    return this.webhooks.listDeliveries(accountId, limit);
  }

  retryDelivery(accountId: number, id: number, now: number): Promise<Delivery | undefined> {
    return this.webhooks.retryDelivery(accountId, id, now);
  }

  createStreamToken(tokenHash: Buffer, accountId: number, expiresAt: number): Promise<void> {
    return this.streams.createStreamToken(tokenHash, accountId, expiresAt);
  }

  findStreamToken(tokenHash: Buffer, now: number): Promise<Account | undefined> {
    return this.streams.findStreamToken(tokenHash, now);
  }

  changesAfter(accountId: number, afterId: number, limit: number, sessionId?: string): Promise<StoredMoodChange[]> {
    return this.streams.changesAfter(accountId, afterId, limit, sessionId);
  }

  listAlerts(accountId: number, status: AlertStatus | "all"): Promise<StoredAlert[]> {
    return this.alerts.listAlerts(accountId, status);
  }

  dismissAlert(accountId: number, id: number, now: number): Promise<boolean> {
    return this.alerts.dismissAlert(accountId, id, now);
  }

  accountsActiveSince(since: number): Promise<Account[]> {
    return this.alerts.accountsActiveSince(since);
  }

  purgeExpired(now: number, plans: PlanTable, limit: number): Promise<number> {
    return this.retention.purgeExpired(now, plans, limit);
  }

  queueDepth(): number {
    return this.sessions.queueDepth();
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
