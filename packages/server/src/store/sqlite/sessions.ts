import type { Database } from "better-sqlite3";
import { createMoodState, type ActionPolicy, type Mood, type MoodEvent, type MoodState } from "@sessionmood/engine";
import { followsState, replayMoods, type PlacedEvent, type ReplayStart } from "../../history/mood-replay.js";
import { slotOf, trailOf } from "../../history/session-history.js";
import { LIMITS } from "../../limits.js";
import { analyticsTime } from "../../sessions/analytics-time.js";
import { settingsFrom } from "../../settings/account-settings.js";
import { moodChangedPayload } from "../../webhooks/webhook-payload.js";
import {
  StorageBusyError,
  type BatchOutcome,
  type EventBatch,
  type Feedback,
  type LearnPolicy,
  type SessionExport,
  type SessionStore,
  type StoredMoodChange,
  type StoredSession,
} from "../storage.js";
import { prepareActionStats } from "./action-stats.js";
import { SqliteHistory } from "./history.js";
import { SqliteWebhooks } from "./webhooks.js";

interface QueuedBatch {
  batch: EventBatch;
  resolve(outcome: BatchOutcome): void;
  reject(error: unknown): void;
}

interface SessionRow {
  pk: number;
  event_count: number;
  mood: Mood;
  page: string | null;
  state: string;
  capped: number;
}

interface StoredSessionRow {
  session_id: string;
  event_count: number;
  state: string;
  created_at: number;
  updated_at: number;
  page: string | null;
}

/** Sessions with their batches, feedback and erasure, on the storage's connection. */
export class SqliteSessions implements SessionStore {
  private readonly sql: ReturnType<typeof prepareStatements>;
  private readonly inTransaction;
  /** Batches waiting for the next group commit, with the callers waiting for them. */
  private queued: QueuedBatch[] = [];

  private readonly history: SqliteHistory;
  private readonly outbox: SqliteWebhooks;

  constructor(
    db: Database,
    private readonly onCommit: (seconds: number) => void = () => {},
  ) {
    const sql = prepareStatements(db);
    const history = new SqliteHistory(db);
    const actionStats = prepareActionStats(db);
    this.sql = sql;
    this.history = history;
    this.outbox = new SqliteWebhooks(db);
    this.inTransaction = {
      recordBatch: db.transaction((batch: EventBatch) => this.writeBatch(batch)),
      recordGroup: db.transaction((group: readonly QueuedBatch[]) => group.map(({ batch }) => this.writeBatch(batch))),
      deleteSession: db.transaction((accountId: number, sessionId: string, deletedAt: number): boolean => {
        const pk = sql.findSessionPk.get(accountId, sessionId) as number | undefined;
        if (pk === undefined) return false;
        sql.deleteBatches.run(pk);
        sql.deleteFeedback.run(pk);
        history.deleteFor(accountId, pk);
        sql.deleteSession.run(pk);
        sql.insertTombstone.run(accountId, sessionId, deletedAt);
        return true;
      }),
      addFeedback: db.transaction(
        (accountId: number, sessionId: string, feedback: Feedback, learn: LearnPolicy): { policy: ActionPolicy } | undefined => {
          const session = sql.findSessionForUpdate.get(accountId, sessionId) as SessionRow | undefined;
          if (!session) return undefined;
          const helpful = feedback.wasHelpful === null ? null : Number(feedback.wasHelpful);
          sql.insertFeedback.run(
            session.pk,
            accountId,
            session.mood,
            feedback.actionTaken,
            helpful,
            feedback.notes,
            feedback.createdAt,
          );
          const account = sql.accountLearning.get(accountId) as { settings: string | null; policy: string | null };
          let policy = account.policy === null ? {} : (JSON.parse(account.policy) as ActionPolicy);
          if (helpful !== null) {
            policy = learn(actionStats(accountId), settingsFrom(account.settings));
            sql.updatePolicy.run(JSON.stringify(policy), accountId);
          }
          return { policy };
        },
      ),
      rescoreStale: db.transaction(
        (version: number, rescore: (events: MoodEvent[]) => { state: MoodState; mood: Mood }, limit: number): number => {
          const pks = sql.staleSessions.all(version, limit) as number[];
          for (const pk of pks) {
            const batches = sql.sessionBatches.all(pk) as { events: string }[];
            const events = batches.flatMap((batch) => JSON.parse(batch.events) as MoodEvent[]);
            const { state, mood } = rescore(events);
            sql.updateState.run(mood, JSON.stringify(state), pk);
          }
          return pks.length;
        },
      ),
      exportSession: db.transaction((accountId: number, sessionId: string): SessionExport | undefined => {
        const session = this.readSession(accountId, sessionId);
        if (!session) return undefined;
        const pk = sql.findSessionPk.get(accountId, sessionId) as number;
        const batches = (
          sql.sessionBatches.all(pk) as { batch_id: string | null; received_at: number; events: string }[]
        ).map((row) => ({
          batchId: row.batch_id,
          receivedAt: row.received_at,
          events: JSON.parse(row.events) as MoodEvent[],
        }));
        const feedback = (
          sql.sessionFeedback.all(pk) as {
            action_taken: string;
            was_helpful: number | null;
            notes: string | null;
            created_at: number;
          }[]
        ).map((row) => ({
          actionTaken: row.action_taken,
          wasHelpful: row.was_helpful === null ? null : row.was_helpful === 1,
          notes: row.notes,
          createdAt: row.created_at,
        }));
        return { session, batches, feedback, changes: history.timeline(pk, sessionId) };
      }),
    };
  }

  recordBatch(batch: EventBatch): Promise<BatchOutcome> {
    // Beyond this the database is not keeping up: refusing now keeps memory bounded.
    if (this.queued.length >= LIMITS.MAX_QUEUED_BATCHES) return Promise.reject(new StorageBusyError());
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
  readonly commitQueued = (): void => {
    const group = this.queued;
    if (group.length === 0) return;
    this.queued = [];
    const started = performance.now();
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
    this.onCommit((performance.now() - started) / 1000);
    group.forEach(({ resolve, reject }, i) => {
      const outcome = outcomes[i]!;
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    });
  };

  queueDepth(): number {
    return this.queued.length;
  }

  async findSession(accountId: number, sessionId: string): Promise<StoredSession | undefined> {
    return this.readSession(accountId, sessionId);
  }

  async timeline(accountId: number, sessionId: string): Promise<StoredMoodChange[] | undefined> {
    const pk = this.sql.findSessionPk.get(accountId, sessionId) as number | undefined;
    return pk === undefined ? undefined : this.history.timeline(pk, sessionId);
  }

  async activeSessions(accountId: number, since: number, limit: number): Promise<StoredSession[]> {
    const rows = this.sql.activeSessions.all({ accountId, sinceSlot: slotOf(since), limit }) as StoredSessionRow[];
    return rows.map(toStoredSession);
  }

  async addFeedback(
    accountId: number,
    sessionId: string,
    feedback: Feedback,
    learn: LearnPolicy,
  ): Promise<{ policy: ActionPolicy } | undefined> {
    return this.inTransaction.addFeedback(accountId, sessionId, feedback, learn);
  }

  async deleteSession(accountId: number, sessionId: string, deletedAt: number): Promise<boolean> {
    return this.inTransaction.deleteSession(accountId, sessionId, deletedAt);
  }

  async exportSession(accountId: number, sessionId: string): Promise<SessionExport | undefined> {
    return this.inTransaction.exportSession(accountId, sessionId);
  }

  async rescoreStale(
    version: number,
    rescore: (events: MoodEvent[]) => { state: MoodState; mood: Mood },
    limit: number,
  ): Promise<number> {
    return this.inTransaction.rescoreStale(version, rescore, limit);
  }

  private readSession(accountId: number, sessionId: string): StoredSession | undefined {
    const row = this.sql.findSession.get(accountId, sessionId) as StoredSessionRow | undefined;
    return row && toStoredSession(row);
  }

  /** One batch inside the caller's transaction; the checks in the order `BatchOutcome` lists them. */
  private writeBatch(batch: EventBatch): BatchOutcome {
    const { accountId, sessionId, events, maxSessionEvents } = batch;
    const row = this.sql.findSessionForUpdate.get(accountId, sessionId) as SessionRow | undefined;
    if (!row) {
      // Only a missing session can have been deleted: a deleted one is never created again.
      if (this.sql.findTombstone.get(accountId, sessionId) !== undefined) return { kind: "deleted" };
      if (events.length > maxSessionEvents) return { kind: "capped", totalEvents: 0, state: createMoodState() };
      const used = (this.sql.monthlyUsage.get(accountId, batch.month) as number | undefined) ?? 0;
      if (used >= batch.newSessionsPerMonth) return { kind: "quota_exceeded" };
      this.sql.countNewSession.run(accountId, batch.month);
      const pk = Number(this.sql.insertSession.run(accountId, sessionId, batch.receivedAt, batch.receivedAt).lastInsertRowid);
      return this.storeBatch(batch, pk, 0, { state: createMoodState(), mood: "neutral", page: null });
    }
    const state = JSON.parse(row.state) as MoodState;
    if (batch.batchId !== null) {
      const batchEvents = this.sql.batchEvents.get(row.pk, batch.batchId) as number | undefined;
      if (batchEvents !== undefined) return { kind: "duplicate", totalEvents: row.event_count, batchEvents, state };
    }
    if (row.capped === 1 || row.event_count + events.length > maxSessionEvents) {
      this.sql.capSession.run(row.pk);
      return { kind: "capped", totalEvents: row.event_count, state };
    }
    return this.storeBatch(batch, row.pk, row.event_count, { state, mood: row.mood, page: row.page });
  }

  /**
   * Stores the batch, scores it and records the mood history it makes. A batch whose events all
   * follow the stored ones (the usual case) goes on from the stored state; one that does not
   * (batches arriving out of order) has the session's history worked out again from all its
   * events, so the timeline ends the same whatever order the batches arrived in.
   */
  private storeBatch(batch: EventBatch, pk: number, previousCount: number, previous: ReplayStart): BatchOutcome {
    const { accountId, sessionId, receivedAt, retentionMs } = batch;
    const placed = batch.events.map((event) => ({ event, at: analyticsTime(event, receivedAt, retentionMs) }));
    const [firstAt, lastAt] = span(placed);
    this.sql.insertBatch.run(
      pk,
      accountId,
      batch.batchId,
      previousCount,
      receivedAt,
      firstAt,
      lastAt,
      JSON.stringify(batch.events),
    );
    let replayed: ReturnType<typeof replayMoods>;
    let changes: StoredMoodChange[];
    // The batch is stored already, so a rebuild reads it with the others.
    if (followsState(previous.state, batch.events)) {
      replayed = replayMoods(previous, placed);
      changes = this.history.append(accountId, pk, sessionId, trailOf(previous.mood, replayed.points));
    } else {
      const all = this.placedEvents(pk, retentionMs);
      replayed = replayMoods({ state: createMoodState(), mood: "neutral", page: null }, all);
      changes = this.history.rebuild(accountId, pk, sessionId, trailOf("neutral", replayed.points));
    }
    const { state, points } = replayed;
    const last = points.at(-1);
    const mood = last?.mood ?? previous.mood;
    const page = last?.page ?? previous.page;
    const totalEvents = previousCount + batch.events.length;
    this.sql.updateSession.run(receivedAt, totalEvents, mood, page, JSON.stringify(state), pk);
    if (batch.webhook) {
      for (const change of changes) {
        const payload = moodChangedPayload(batch.webhook, change);
        if (payload) this.outbox.enqueue(accountId, "mood.changed", payload, receivedAt);
      }
    }
    return { kind: "stored", totalEvents, state, changes };
  }

  /** Every stored event of a session, placed by analytics time with its batch's arrival. */
  private placedEvents(pk: number, retentionMs: number): PlacedEvent[] {
    const batches = this.sql.sessionBatches.all(pk) as { received_at: number; events: string }[];
    return batches.flatMap(({ received_at, events }) =>
      (JSON.parse(events) as MoodEvent[]).map((event) => ({ event, at: analyticsTime(event, received_at, retentionMs) })),
    );
  }
}

function span(placed: readonly PlacedEvent[]): [number, number] {
  let first = Infinity;
  let last = -Infinity;
  for (const { at } of placed) {
    first = Math.min(first, at);
    last = Math.max(last, at);
  }
  return [first, last];
}

function toStoredSession(row: StoredSessionRow): StoredSession {
  return {
    sessionId: row.session_id,
    eventCount: row.event_count,
    state: JSON.parse(row.state) as MoodState,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    page: row.page,
  };
}

function prepareStatements(db: Database) {
  return {
    findTombstone: db.prepare("SELECT 1 FROM deleted_sessions WHERE account_id = ? AND session_id = ?").pluck(),
    insertTombstone: db.prepare(
      "INSERT OR REPLACE INTO deleted_sessions (account_id, session_id, deleted_at) VALUES (?, ?, ?)",
    ),
    findSessionForUpdate: db.prepare(
      "SELECT pk, event_count, mood, page, state, capped FROM sessions WHERE account_id = ? AND session_id = ?",
    ),
    findSession: db.prepare(
      `SELECT session_id, event_count, state, created_at, updated_at, page FROM sessions
       WHERE account_id = ? AND session_id = ?`,
    ),
    activeSessions: db.prepare(
      `SELECT s.session_id, s.event_count, s.state, s.created_at, s.updated_at, s.page FROM sessions s
       WHERE s.pk IN (SELECT session_pk FROM session_activity WHERE account_id = :accountId AND slot >= :sinceSlot)
       ORDER BY s.updated_at DESC, s.pk DESC LIMIT :limit`,
    ),
    accountLearning: db.prepare("SELECT settings, policy FROM accounts WHERE id = ?"),
    updatePolicy: db.prepare("UPDATE accounts SET policy = ? WHERE id = ?"),
    findSessionPk: db.prepare("SELECT pk FROM sessions WHERE account_id = ? AND session_id = ?").pluck(),
    monthlyUsage: db.prepare("SELECT new_sessions FROM monthly_usage WHERE account_id = ? AND month = ?").pluck(),
    countNewSession: db.prepare(
      `INSERT INTO monthly_usage (account_id, month, new_sessions) VALUES (?, ?, 1)
       ON CONFLICT (account_id, month) DO UPDATE SET new_sessions = new_sessions + 1`,
    ),
    insertSession: db.prepare(
      `INSERT INTO sessions (account_id, session_id, created_at, updated_at, event_count, mood, state)
       VALUES (?, ?, ?, ?, 0, 'neutral', '{}')`,
    ),
    batchEvents: db
      .prepare("SELECT json_array_length(events) FROM event_batches WHERE session_pk = ? AND batch_id = ?")
      .pluck(),
    capSession: db.prepare("UPDATE sessions SET capped = 1 WHERE pk = ? AND capped = 0"),
    insertBatch: db.prepare(
      `INSERT INTO event_batches
         (session_pk, account_id, batch_id, first_seq, received_at, first_at, last_at, events)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    updateSession: db.prepare(
      "UPDATE sessions SET updated_at = ?, event_count = ?, mood = ?, page = ?, state = ? WHERE pk = ?",
    ),
    insertFeedback: db.prepare(
      `INSERT INTO feedback (session_pk, account_id, mood, action_taken, was_helpful, notes, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    staleSessions: db
      .prepare("SELECT pk FROM sessions WHERE coalesce(json_extract(state, '$.v'), 0) IS NOT ? LIMIT ?")
      .pluck(),
    updateState: db.prepare("UPDATE sessions SET mood = ?, state = ? WHERE pk = ?"),
    sessionBatches: db.prepare("SELECT batch_id, received_at, events FROM event_batches WHERE session_pk = ? ORDER BY id"),
    sessionFeedback: db.prepare(
      "SELECT action_taken, was_helpful, notes, created_at FROM feedback WHERE session_pk = ? ORDER BY id",
    ),
    deleteBatches: db.prepare("DELETE FROM event_batches WHERE session_pk = ?"),
    deleteFeedback: db.prepare("DELETE FROM feedback WHERE session_pk = ?"),
    deleteSession: db.prepare("DELETE FROM sessions WHERE pk = ?"),
  };
}
