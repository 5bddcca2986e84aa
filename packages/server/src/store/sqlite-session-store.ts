import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import BetterSqlite3, { type Database, type Statement } from "better-sqlite3";
import type { Mood, MoodState } from "@sessionmood/engine";
import type { PlanName } from "../plans.js";
import { LIMITS } from "../limits.js";
import { migrate } from "./migrations.js";
import { WalCheckpointer } from "./wal-checkpointer.js";
import type {
  Account,
  BatchOutcome,
  EventBatch,
  Feedback,
  KeyKind,
  MoodCounts,
  NewAccount,
  SessionStore,
  StoredKey,
  StoredSession,
} from "./session-store.js";

export interface SqliteOptions {
  /** File path, or `:memory:`. */
  path: string;
  synchronous: "NORMAL" | "FULL";
}

interface QueuedBatch {
  batch: EventBatch;
  resolve(outcome: BatchOutcome): void;
  reject(error: unknown): void;
}

interface AccountRow {
  id: number;
  name: string;
  email: string | null;
  plan: PlanName;
  allowed_origins: string | null;
}

/** How many sessions one purge transaction deletes, so a large purge never stalls requests long. */
const PURGE_CHUNK = 500;

/** The SessionStore on one SQLite file, in WAL mode, with every statement prepared once. */
export class SqliteSessionStore implements SessionStore {
  private readonly db: Database;
  private readonly checkpointer: WalCheckpointer | undefined;
  private readonly sql: ReturnType<typeof prepareStatements>;
  /**
   * Live keys by hash (hex), so most requests skip the key lookup. Cleared whenever any key
   * changes; misses are not kept, so unknown keys cannot flood it.
   */
  private readonly keys = new Map<string, StoredKey>();
  /** Batches waiting for the next group commit, with the callers waiting for them. */
  private queued: QueuedBatch[] = [];
  private readonly inTransaction: {
    recordBatch: (batch: EventBatch) => BatchOutcome;
    recordGroup: (group: readonly QueuedBatch[]) => BatchOutcome[];
    deleteSession: (accountId: number, sessionId: string) => boolean;
    purgeChunk: (plan: PlanName, before: number) => number;
    createAccount: (account: NewAccount, keyHashes: Record<KeyKind, Buffer>) => Account;
  };

  constructor(options: SqliteOptions) {
    if (options.path !== ":memory:") mkdirSync(dirname(options.path), { recursive: true });
    this.db = new BetterSqlite3(options.path);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma(`synchronous = ${options.synchronous}`);
    this.db.pragma("busy_timeout = 5000");
    migrate(this.db);
    if (options.path !== ":memory:") {
      this.db.pragma("wal_autocheckpoint = 0");
      this.checkpointer = new WalCheckpointer(options.path, LIMITS.WAL_CHECKPOINT_MS);
    }
    this.sql = prepareStatements(this.db);
    this.inTransaction = {
      recordBatch: this.db.transaction((batch: EventBatch) => this.writeBatch(batch)),
      recordGroup: this.db.transaction((group: readonly QueuedBatch[]) =>
        group.map(({ batch }) => this.writeBatch(batch)),
      ),
      deleteSession: this.db.transaction((accountId: number, sessionId: string) => {
        const pk = this.sql.findSessionPk.get(accountId, sessionId) as number | undefined;
        if (pk === undefined) return false;
        this.deleteSessionData(pk);
        return true;
      }),
      createAccount: this.db.transaction((account: NewAccount, keyHashes: Record<KeyKind, Buffer>) => {
        const { name, email, plan, allowedOrigins, createdAt } = account;
        const origins = allowedOrigins && JSON.stringify(allowedOrigins);
        const id = Number(this.sql.insertAccount.run(name, email, plan, origins, 0, createdAt).lastInsertRowid);
        this.sql.insertKey.run(keyHashes.secret, id, "secret", createdAt);
        this.sql.insertKey.run(keyHashes.publishable, id, "publishable", createdAt);
        return { id, name, email, plan, allowedOrigins } satisfies Account;
      }),
      purgeChunk: this.db.transaction((plan: PlanName, before: number) => {
        const pks = this.sql.expiredSessions.all(plan, before, PURGE_CHUNK) as number[];
        for (const pk of pks) this.deleteSessionData(pk);
        return pks.length;
      }),
    };
  }

  createAccount(account: NewAccount, keyHashes: Record<KeyKind, Buffer>): Account {
    this.keys.clear();
    return this.inTransaction.createAccount(account, keyHashes);
  }

  addKey(accountId: number, kind: KeyKind, keyHash: Buffer, createdAt: number): void {
    this.keys.clear();
    this.sql.insertKey.run(keyHash, accountId, kind, createdAt);
  }

  findKey(keyHash: Buffer): StoredKey | undefined {
    const cacheKey = keyHash.toString("hex");
    const cached = this.keys.get(cacheKey);
    if (cached) return cached;
    const row = this.sql.findKey.get(keyHash) as (AccountRow & { key_hash: Buffer; kind: KeyKind }) | undefined;
    if (!row) return undefined;
    const key: StoredKey = { keyHash: row.key_hash, kind: row.kind, account: toAccount(row) };
    if (this.keys.size >= LIMITS.CACHED_KEYS) this.keys.clear();
    this.keys.set(cacheKey, key);
    return key;
  }

  demoAccount(createdAt: number): Account {
    return this.db
      .transaction(() => {
        const row = this.sql.findDemoAccount.get() as AccountRow | undefined;
        if (row) return toAccount(row);
        const id = Number(this.sql.insertAccount.run("Demo", null, "starter", null, 1, createdAt).lastInsertRowid);
        return { id, name: "Demo", email: null, plan: "starter", allowedOrigins: null } satisfies Account;
      })
      .immediate();
  }

  revokePublishableKeys(accountId: number, revokedAt: number): void {
    this.keys.clear();
    this.sql.revokePublishableKeys.run(revokedAt, accountId);
  }

  recordBatch(batch: EventBatch): Promise<BatchOutcome> {
    return new Promise((resolve, reject) => {
      if (this.queued.length === 0) setImmediate(this.commitQueued);
      this.queued.push({ batch, resolve, reject });
    });
  }

  /**
   * Commits every batch that arrived since the last commit in one transaction. A commit costs
   * the same for one batch or fifty, so under load this is most of the write throughput. Should
   * the group fail, each batch is tried again in a transaction of its own, so a batch that
   * cannot be stored fails alone and the others are still stored.
   */
  private readonly commitQueued = (): void => {
    const group = this.queued;
    if (group.length === 0) return;
    this.queued = [];
    let outcomes: (BatchOutcome | Error)[];
    try {
      outcomes = this.inTransaction.recordGroup(group);
    } catch {
      outcomes = group.map(({ batch }) => {
        try {
          return this.inTransaction.recordBatch(batch);
        } catch (error) {
          return error instanceof Error ? error : new Error(String(error));
        }
      });
    }
    group.forEach(({ resolve, reject }, i) => {
      const outcome = outcomes[i]!;
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    });
  };

  findSession(accountId: number, sessionId: string): StoredSession | undefined {
    const row = this.sql.findSession.get(accountId, sessionId) as
      | { event_count: number; state: string; updated_at: number }
      | undefined;
    return (
      row && {
        sessionId,
        eventCount: row.event_count,
        state: JSON.parse(row.state) as MoodState,
        updatedAt: row.updated_at,
      }
    );
  }

  addFeedback(accountId: number, sessionId: string, feedback: Feedback): boolean {
    const pk = this.sql.findSessionPk.get(accountId, sessionId) as number | undefined;
    if (pk === undefined) return false;
    const helpful = feedback.wasHelpful === null ? null : Number(feedback.wasHelpful);
    this.sql.insertFeedback.run(pk, feedback.actionTaken, helpful, feedback.notes, feedback.createdAt);
    return true;
  }

  deleteSession(accountId: number, sessionId: string): boolean {
    return this.inTransaction.deleteSession(accountId, sessionId);
  }

  moodCounts(accountId: number): MoodCounts {
    const byMood: Partial<Record<Mood, number>> = {};
    let totalSessions = 0;
    for (const row of this.sql.countMoods.all(accountId) as { mood: Mood; sessions: number }[]) {
      byMood[row.mood] = row.sessions;
      totalSessions += row.sessions;
    }
    const feedbackSessions = this.sql.countFeedbackSessions.get(accountId) as number;
    return { totalSessions, feedbackSessions, byMood };
  }

  purgeSessions(plan: PlanName, before: number): number {
    let purged = 0;
    for (let chunk = this.inTransaction.purgeChunk(plan, before); chunk > 0; ) {
      purged += chunk;
      chunk = this.inTransaction.purgeChunk(plan, before);
    }
    return purged;
  }

  isHealthy(): boolean {
    try {
      return this.sql.ping.get() === 1;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    this.commitQueued();
    await this.checkpointer?.stop();
    // The last connection to close checkpoints the whole log and removes it.
    this.db.close();
  }

  private writeBatch(batch: EventBatch): BatchOutcome {
    const { accountId, sessionId, receivedAt } = batch;
    const row = this.sql.findSessionForUpdate.get(accountId, sessionId) as
      | { pk: number; event_count: number; state: string }
      | undefined;
    let pk: number;
    let previousCount = 0;
    let previousState: MoodState | undefined;
    if (row) {
      pk = row.pk;
      previousCount = row.event_count;
      previousState = JSON.parse(row.state) as MoodState;
    } else {
      const used = (this.sql.monthlyUsage.get(accountId, batch.month) as number | undefined) ?? 0;
      if (used >= batch.newSessionsPerMonth) return { stored: false, reason: "quota_exceeded" };
      this.sql.countNewSession.run(accountId, batch.month);
      pk = Number(this.sql.insertSession.run(accountId, sessionId, receivedAt, receivedAt).lastInsertRowid);
    }
    const { state, mood } = batch.score(previousState);
    const totalEvents = previousCount + batch.events.length;
    this.sql.insertBatch.run(pk, previousCount, receivedAt, JSON.stringify(batch.events));
    this.sql.updateSession.run(receivedAt, totalEvents, mood.mood, JSON.stringify(state), pk);
    return { stored: true, totalEvents, mood };
  }

  private deleteSessionData(pk: number): void {
    this.sql.deleteEvents.run(pk);
    this.sql.deleteFeedback.run(pk);
    this.sql.deleteSession.run(pk);
  }
}

function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    plan: row.plan,
    allowedOrigins: row.allowed_origins === null ? null : (JSON.parse(row.allowed_origins) as string[]),
  };
}

function prepareStatements(db: Database) {
  const pluck = (sql: string): Statement => db.prepare(sql).pluck();
  return {
    insertAccount: db.prepare(
      "INSERT INTO accounts (name, email, plan, allowed_origins, is_demo, created_at) VALUES (?, ?, ?, ?, ?, ?)",
    ),
    findDemoAccount: db.prepare(
      "SELECT id, name, email, plan, allowed_origins FROM accounts WHERE is_demo = 1 ORDER BY id LIMIT 1",
    ),
    insertKey: db.prepare("INSERT INTO api_keys (key_hash, account_id, kind, created_at) VALUES (?, ?, ?, ?)"),
    findKey: db.prepare(
      `SELECT k.key_hash, k.kind, a.id, a.name, a.email, a.plan, a.allowed_origins
       FROM api_keys k JOIN accounts a ON a.id = k.account_id
       WHERE k.key_hash = ? AND k.revoked_at IS NULL`,
    ),
    revokePublishableKeys: db.prepare(
      "UPDATE api_keys SET revoked_at = ? WHERE account_id = ? AND kind = 'publishable' AND revoked_at IS NULL",
    ),
    findSessionForUpdate: db.prepare(
      "SELECT pk, event_count, state FROM sessions WHERE account_id = ? AND session_id = ?",
    ),
    findSession: db.prepare(
      "SELECT event_count, state, updated_at FROM sessions WHERE account_id = ? AND session_id = ?",
    ),
    findSessionPk: pluck("SELECT pk FROM sessions WHERE account_id = ? AND session_id = ?"),
    monthlyUsage: pluck("SELECT new_sessions FROM monthly_usage WHERE account_id = ? AND month = ?"),
    countNewSession: db.prepare(
      `INSERT INTO monthly_usage (account_id, month, new_sessions) VALUES (?, ?, 1)
       ON CONFLICT (account_id, month) DO UPDATE SET new_sessions = new_sessions + 1`,
    ),
    insertSession: db.prepare(
      `INSERT INTO sessions (account_id, session_id, created_at, updated_at, event_count, mood, state)
       VALUES (?, ?, ?, ?, 0, 'neutral', '{}')`,
    ),
    insertBatch: db.prepare(
      "INSERT INTO event_batches (session_pk, first_seq, received_at, events) VALUES (?, ?, ?, ?)",
    ),
    updateSession: db.prepare(
      "UPDATE sessions SET updated_at = ?, event_count = ?, mood = ?, state = ? WHERE pk = ?",
    ),
    insertFeedback: db.prepare(
      "INSERT INTO feedback (session_pk, action_taken, was_helpful, notes, created_at) VALUES (?, ?, ?, ?, ?)",
    ),
    deleteEvents: db.prepare("DELETE FROM event_batches WHERE session_pk = ?"),
    deleteFeedback: db.prepare("DELETE FROM feedback WHERE session_pk = ?"),
    deleteSession: db.prepare("DELETE FROM sessions WHERE pk = ?"),
    countMoods: db.prepare("SELECT mood, count(*) AS sessions FROM sessions WHERE account_id = ? GROUP BY mood"),
    countFeedbackSessions: pluck(
      `SELECT count(DISTINCT f.session_pk) FROM feedback f JOIN sessions s ON s.pk = f.session_pk
       WHERE s.account_id = ?`,
    ),
    expiredSessions: pluck(
      `SELECT s.pk FROM sessions s JOIN accounts a ON a.id = s.account_id
       WHERE a.plan = ? AND s.updated_at < ? LIMIT ?`,
    ),
    ping: pluck("SELECT 1"),
  };
}
