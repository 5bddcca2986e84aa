import type { Mood, MoodEvent, MoodState } from "@sessionmood/engine";
import type { PlanName, PlanTable } from "../plans.js";

export type KeyKind = "secret" | "publishable";

export interface Account {
  id: number;
  name: string;
  email: string | null;
  plan: PlanName;
  /** Origins whose pages may post events; null allows any. */
  allowedOrigins: string[] | null;
  /** Days of events kept, when the account keeps fewer than its plan allows; null: the plan's. */
  retentionDays: number | null;
}

/** A live key found by its hash, with the account it opens. */
export interface StoredKey {
  keyHash: Buffer;
  kind: KeyKind;
  /** When a rotated-out key stops working (Unix ms); null while it is the current key. */
  expiresAt: number | null;
  account: Account;
}

export interface NewAccount {
  name: string;
  email: string | null;
  plan: PlanName;
  allowedOrigins: string[] | null;
  createdAt: number;
}

/** Settings an account changes itself; a field left out stays as it is. */
export interface AccountSettingsPatch {
  retentionDays?: number | null;
  allowedOrigins?: string[] | null;
}

export interface StoredSession {
  sessionId: string;
  eventCount: number;
  state: MoodState;
  /** When its first and its latest batch arrived (Unix ms). */
  createdAt: number;
  updatedAt: number;
}

/** One batch of a session's events, and how to score it on top of what is stored. */
export interface EventBatch {
  accountId: number;
  sessionId: string;
  /** The client's id for this batch: a repeat of a stored id for the session is not stored again. */
  batchId: string | null;
  /** Complete events (every `ts` filled in, none in the future), in arrival order. */
  events: readonly MoodEvent[];
  receivedAt: number;
  /** The analytics time (Unix ms) of the batch's earliest and latest event (SPEC §7 "Time"). */
  firstAt: number;
  lastAt: number;
  /** The quota month `receivedAt` falls in, and how many new sessions it allows. */
  month: string;
  newSessionsPerMonth: number;
  /** A session stores at most this many events; a batch that would pass it is not stored. */
  maxSessionEvents: number;
  /** The session's state after the batch, from the stored one (undefined for a new session). */
  score(previous: MoodState | undefined): { state: MoodState; mood: Mood };
}

/**
 * What became of a batch. `state` is the session's state after it: the new one when stored, the
 * stored one otherwise.
 */
export type BatchOutcome =
  | { kind: "stored"; totalEvents: number; state: MoodState }
  /** The batch id was stored before: nothing stored again; `batchEvents` is what that batch held. */
  | { kind: "duplicate"; totalEvents: number; batchEvents: number; state: MoodState }
  /** The session is at its event cap: nothing stored now or later. */
  | { kind: "capped"; totalEvents: number; state: MoodState }
  /** A new session, and the account's new sessions for the month are used up. */
  | { kind: "quota_exceeded" }
  /** The session was deleted: it never comes back. */
  | { kind: "deleted" };

export interface Feedback {
  actionTaken: string;
  wasHelpful: boolean | null;
  notes: string | null;
  createdAt: number;
}

export interface MoodCounts {
  totalSessions: number;
  /** Sessions with at least one feedback record. */
  feedbackSessions: number;
  byMood: Partial<Record<Mood, number>>;
}

/** Everything stored about one session, for a visitor's access request. */
export interface SessionExport {
  session: StoredSession;
  /** Every stored event, in the order stored, with the time its batch arrived (Unix ms). */
  batches: { batchId: string | null; receivedAt: number; events: MoodEvent[] }[];
  feedback: Feedback[];
}

/** Accounts, their keys and their settings. */
export interface AccountStore {
  /** Creates the account with its first keys, all at once. */
  createAccount(account: NewAccount, keyHashes: Record<KeyKind, Buffer>): Promise<Account>;
  /** The key with this hash if it works at `now`: not revoked, not expired. */
  findKey(keyHash: Buffer, now: number): Promise<StoredKey | undefined>;
  /**
   * Adds a new key of `kind` and lets the account's current keys of that kind expire `graceMs`
   * after `now` (at once for 0; an earlier expiry already set is kept). Returns when they expire.
   */
  rotateKey(accountId: number, kind: KeyKind, newKeyHash: Buffer, now: number, graceMs: number): Promise<number>;
  /** The demo account, created on first use. */
  demoAccount(createdAt: number): Promise<Account>;
  /** The account with `patch` applied. */
  updateSettings(accountId: number, patch: AccountSettingsPatch): Promise<Account>;
}

/** Sessions: their batches, mood state, feedback and erasure. */
export interface SessionStore {
  /**
   * Stores the batch and the session's new state in one transaction, or nothing (see
   * `BatchOutcome`); settles once committed. Batches arriving together may share one commit.
   * Rejects with `StorageBusyError` when too many batches wait for a commit already.
   */
  recordBatch(batch: EventBatch): Promise<BatchOutcome>;
  findSession(accountId: number, sessionId: string): Promise<StoredSession | undefined>;
  /** False when the session does not exist. */
  addFeedback(accountId: number, sessionId: string, feedback: Feedback): Promise<boolean>;
  /**
   * Deletes the session with its events and feedback, and remembers that it was deleted so no
   * batch (one already queued, or a late beacon) brings it back; false when it did not exist.
   */
  deleteSession(accountId: number, sessionId: string, deletedAt: number): Promise<boolean>;
  exportSession(accountId: number, sessionId: string): Promise<SessionExport | undefined>;
  /**
   * Re-scores at most `limit` sessions whose state another engine version wrote (`state.v` is not
   * `version`) from all their stored events; returns how many it re-scored, 0 when none is left.
   */
  rescoreStale(version: number, rescore: (events: MoodEvent[]) => { state: MoodState; mood: Mood }, limit: number): Promise<number>;
}

export interface AnalyticsStore {
  moodCounts(accountId: number): Promise<MoodCounts>;
}

export interface RetentionStore {
  /**
   * Deletes at most `limit` rows past retention: batches whose latest event is older than the
   * account's retention (its own days, else its plan's in `plans`) before `now`, sessions left
   * without events (with their feedback), and deletion markers older than the longest retention.
   * Returns how many it deleted: 0 when nothing is left to purge.
   */
  purgeExpired(now: number, plans: PlanTable, limit: number): Promise<number>;
}

/** Everything the API keeps. Each method is atomic; sessions are always addressed through their account. */
export interface Storage extends AccountStore, SessionStore, AnalyticsStore, RetentionStore {
  /** Whether the database answers. */
  isHealthy(): Promise<boolean>;
  /** Finishes what is queued, then releases the database. */
  close(): Promise<void>;
}

/** Too many batches wait for a commit: the caller should come back shortly (503). */
export class StorageBusyError extends Error {
  constructor() {
    super("Too many batches are waiting to be stored");
    this.name = "StorageBusyError";
  }
}
