import type { Database } from "better-sqlite3";
import { createMoodState, type Mood, type MoodEvent, type MoodState } from "@sessionmood/engine";
import { LIMITS } from "../../limits.js";
import {
  StorageBusyError,
  type BatchOutcome,
  type EventBatch,
  type Feedback,
  type SessionExport,
  type SessionStore,
  type StoredSession,
} from "../storage.js";

interface QueuedBatch {
  batch: EventBatch;
  resolve(outcome: BatchOutcome): void;
  reject(error: unknown): void;
}

interface SessionRow {
  pk: number;
  event_count: number;
  state: string;
  capped: number;
}

/** Sessions with their batches, feedback and erasure, on the storage's connection. */
export class SqliteSessions implements SessionStore {
  private readonly sql: ReturnType<typeof prepareStatements>;
  private readonly inTransaction;
  /** Batches waiting for the next group commit, with the callers waiting for them. */
  private queued: QueuedBatch[] = [];

  constructor(db: Database) {
    const sql = prepareStatements(db);
    this.sql = sql;
    this.inTransaction = {
      recordBatch: db.transaction((batch: EventBatch) => this.writeBatch(batch)),
      recordGroup: db.transaction((group: readonly QueuedBatch[]) => group.map(({ batch }) => this.writeBatch(batch))),
      deleteSession: db.transaction((accountId: number, sessionId: string, deletedAt: number): boolean => {
        const pk = sql.findSessionPk.get(accountId, sessionId) as number | undefined;
        if (pk === undefined) return false;
        sql.deleteBatches.run(pk);
        sql.deleteFeedback.run(pk);
        sql.deleteSession.run(pk);
        sql.insertTombstone.run(accountId, sessionId, deletedAt);
        return true;
      }),
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
        return { session, batches, feedback };
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

  async findSession(accountId: number, sessionId: string): Promise<StoredSession | undefined> {
    return this.readSession(accountId, sessionId);
  }

  async addFeedback(accountId: number, sessionId: string, feedback: Feedback): Promise<boolean> {
    const pk = this.sql.findSessionPk.get(accountId, sessionId) as number | undefined;
    if (pk === undefined) return false;
    const helpful = feedback.wasHelpful === null ? null : Number(feedback.wasHelpful);
    this.sql.insertFeedback.run(pk, feedback.actionTaken, helpful, feedback.notes, feedback.createdAt);
    return true;
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
    const row = this.sql.findSession.get(accountId, sessionId) as
      | { event_count: number; state: string; created_at: number; updated_at: number }
      | undefined;
    return (
      row && {
        sessionId,
        eventCount: row.event_count,
        state: JSON.parse(row.state) as MoodState,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      }
    );
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
      return this.storeBatch(batch, pk, 0, undefined);
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
    return this.storeBatch(batch, row.pk, row.event_count, state);
  }

  private storeBatch(batch: EventBatch, pk: number, previousCount: number, previous: MoodState | undefined): BatchOutcome {
    const { state, mood } = batch.score(previous);
    const totalEvents = previousCount + batch.events.length;
    this.sql.insertBatch.run(
      pk,
      batch.accountId,
      batch.batchId,
      previousCount,
      batch.receivedAt,
      batch.firstAt,
      batch.lastAt,
      JSON.stringify(batch.events),
    );
    this.sql.updateSession.run(batch.receivedAt, totalEvents, mood, JSON.stringify(state), pk);
    return { kind: "stored", totalEvents, state };
  }
}

function prepareStatements(db: Database) {
  return {
    findTombstone: db.prepare("SELECT 1 FROM deleted_sessions WHERE account_id = ? AND session_id = ?").pluck(),
    insertTombstone: db.prepare(
      "INSERT OR REPLACE INTO deleted_sessions (account_id, session_id, deleted_at) VALUES (?, ?, ?)",
    ),
    findSessionForUpdate: db.prepare(
      "SELECT pk, event_count, state, capped FROM sessions WHERE account_id = ? AND session_id = ?",
    ),
    findSession: db.prepare(
      "SELECT event_count, state, created_at, updated_at FROM sessions WHERE account_id = ? AND session_id = ?",
    ),
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
      "UPDATE sessions SET updated_at = ?, event_count = ?, mood = ?, state = ? WHERE pk = ?",
    ),
    insertFeedback: db.prepare(
      "INSERT INTO feedback (session_pk, action_taken, was_helpful, notes, created_at) VALUES (?, ?, ?, ?, ?)",
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
