import type { ActionPolicy, Mood, MoodEvent, MoodState } from "@sessionmood/engine";
import type { MoodChange } from "../history/session-history.js";
import type { PlanName, PlanTable } from "../plans.js";
import type { AccountSettings, WebhookEvent } from "../settings/account-settings.js";

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
  settings: AccountSettings;
  /** Actions learned from feedback that replace a mood's default (empty while none has won). */
  policy: ActionPolicy;
  /** A webhook signing secret has been created. */
  hasWebhookSecret: boolean;
}

/** What an account's webhook wants delivered; null where it has no URL or no secret. */
export interface WebhookSubscription {
  events: readonly WebhookEvent[];
  /** mood.changed only for changes to these moods; null: every mood. */
  moods: readonly Mood[] | null;
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
  settings?: AccountSettings;
}

/** Rated feedback on one action taken for one mood. */
export interface ActionStats {
  mood: Mood;
  action: string;
  /** Feedback records that said whether the action helped. */
  rated: number;
  helpful: number;
}

/** Works out an account's learned policy from all its rated feedback and its settings. */
export type LearnPolicy = (stats: readonly ActionStats[], settings: AccountSettings) => ActionPolicy;

export interface StoredSession {
  sessionId: string;
  eventCount: number;
  state: MoodState;
  /** When its first and its latest batch arrived (Unix ms). */
  createdAt: number;
  updatedAt: number;
  /** The path of its latest page view, by event time. */
  page: string | null;
}

/** A stored mood change; ids grow in the order changes are stored. */
export interface StoredMoodChange extends MoodChange {
  id: number;
  sessionId: string;
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
  /** The account's retention, which decides where analytics place old events (SPEC §7 "Time"). */
  retentionMs: number;
  /** The quota month `receivedAt` falls in, and how many new sessions it allows. */
  month: string;
  newSessionsPerMonth: number;
  /** A session stores at most this many events; a batch that would pass it is not stored. */
  maxSessionEvents: number;
  /** Mood changes it wants are queued for delivery in the batch's transaction. */
  webhook: WebhookSubscription | null;
}

/**
 * What became of a batch. `state` is the session's state after it: the new one when stored, the
 * stored one otherwise.
 */
export type BatchOutcome =
  /** `changes`: the mood changes the batch added to the session's timeline. */
  | { kind: "stored"; totalEvents: number; state: MoodState; changes: StoredMoodChange[] }
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

/** A span of time, Unix ms, `from` included and `to` not. */
export interface TimeRange {
  from: number;
  to: number;
}

/**
 * A session (by a number unique in the account) active in a quarter-hour slot, and its mood after
 * its last event there. A tuple: a 90-day range holds hundreds of thousands of them.
 */
export type ActivityRow = [session: number, slot: number, mood: Mood];

/** The sessions that were on a page in a range, and those whose mood turned there. */
export interface PageStats {
  path: string;
  sessions: number;
  frustrated: number;
  confused: number;
  /** Frustrated or confused there. */
  struggling: number;
}

/** How many sessions were active in a range, and how many of them turned frustrated in it. */
export interface FrustrationCount {
  sessions: number;
  frustrated: number;
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
  /** The session's mood history, oldest first. */
  changes: StoredMoodChange[];
}

/** Accounts, their keys and their settings. */
export interface AccountStore {
  /**
   * Creates the account with its first keys, all at once. The publishable key is kept readable
   * (it is in every page anyway) so the install instructions can show it.
   */
  createAccount(account: NewAccount, keyHashes: Record<KeyKind, Buffer>, publishableKey: string): Promise<Account>;
  /** The key with this hash if it works at `now`: not revoked, not expired. */
  findKey(keyHash: Buffer, now: number): Promise<StoredKey | undefined>;
  /**
   * Adds a new key of `kind` and lets the account's current keys of that kind expire `graceMs`
   * after `now` (at once for 0; an earlier expiry already set is kept). Returns when they expire.
   */
  rotateKey(
    accountId: number,
    kind: KeyKind,
    newKey: { hash: Buffer; publishable?: string },
    now: number,
    graceMs: number,
  ): Promise<number>;
  /** The account's newest publishable key, when it was issued since keys became readable. */
  publishableKey(accountId: number): Promise<string | null>;
  /** The demo account, created on first use. */
  demoAccount(createdAt: number): Promise<Account>;
  /** The account with `patch` applied, and its policy learned again under the new settings. */
  updateSettings(accountId: number, patch: AccountSettingsPatch, learn: LearnPolicy): Promise<Account>;
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
  /** The session's mood changes, oldest first; undefined when the session does not exist. */
  timeline(accountId: number, sessionId: string): Promise<StoredMoodChange[] | undefined>;
  /** Sessions with events at or after `since` (analytics time), latest batch first. */
  activeSessions(accountId: number, since: number, limit: number): Promise<StoredSession[]>;
  /**
   * Records feedback with the session's mood at this moment, and the account's policy learned
   * again in the same transaction (returned); undefined when the session does not exist.
   */
  addFeedback(
    accountId: number,
    sessionId: string,
    feedback: Feedback,
    learn: LearnPolicy,
  ): Promise<{ policy: ActionPolicy } | undefined>;
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
  /** Every session by its current mood; with a range, the sessions active in it by their mood at its end. */
  moodCounts(accountId: number, range?: TimeRange): Promise<MoodCounts>;
  /** The activity slots that start within the range. */
  activity(accountId: number, range: TimeRange): Promise<ActivityRow[]>;
  /** Per page, the sessions on it within the range. */
  pageStats(accountId: number, range: TimeRange): Promise<PageStats[]>;
  /** Per page among `paths`, how many struggling sessions showed each signal there. */
  pageSignals(accountId: number, range: TimeRange, paths: readonly string[]): Promise<Map<string, Map<string, number>>>;
  /** Rated feedback by mood and action. */
  actionStats(accountId: number): Promise<ActionStats[]>;
  frustration(accountId: number, range: TimeRange): Promise<FrustrationCount>;
}

export type AlertType = "frustration_spike" | "page_hotspot" | "sustained_rise";
export type AlertStatus = "active" | "dismissed" | "resolved";

/** What an alert measured, the last time its condition was checked. */
export interface AlertReading {
  value: number;
  baseline: number;
  sessions: number;
  message: string;
}

export interface StoredAlert extends AlertReading {
  id: number;
  type: AlertType;
  page: string | null;
  status: AlertStatus;
  /** Unix ms; `endedAt` is null while the condition holds. */
  startedAt: number;
  updatedAt: number;
  endedAt: number | null;
}

/** A condition that holds now. */
export interface AlertCondition extends AlertReading {
  type: AlertType;
  page: string | null;
}

/** Alerts are episodes: opened, updated while they hold, ended when they stop, dismissed by a person. */
export interface AlertStore {
  /**
   * Brings the account's episodes in line with the conditions that hold at `now`, in one
   * transaction: an episode under way is updated or ended, a new condition opens one. Returns
   * the episodes it opened.
   */
  reconcileAlerts(
    accountId: number,
    holding: readonly AlertCondition[],
    now: number,
    webhook: WebhookSubscription | null,
  ): Promise<StoredAlert[]>;
  listAlerts(accountId: number, status: AlertStatus | "all"): Promise<StoredAlert[]>;
  /** False for an unknown id or another account's. */
  dismissAlert(accountId: number, id: number, now: number): Promise<boolean>;
  /** Accounts with events at or after `since`, whose alerts may have changed. */
  accountsActiveSince(since: number): Promise<Account[]>;
}

export interface RetentionStore {
  /**
   * Deletes at most `limit` rows past retention: batches, mood changes, activity slots and page
   * visits older than the account's retention (its own days, else its plan's in `plans`) before
   * `now`, sessions left without events (with their feedback), ended alerts, and deletion markers
   * older than the longest retention.
   * Returns how many it deleted: 0 when nothing is left to purge.
   */
  purgeExpired(now: number, plans: PlanTable, limit: number): Promise<number>;
}

export type DeliveryStatus = "pending" | "delivered" | "failed";

/** One webhook event in the outbox. */
export interface Delivery {
  id: number;
  /** Stable across retries: the receiver's key to deduplicate on. */
  webhookId: string;
  event: string;
  status: DeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: number;
  nextAttemptAt: number;
}

/** A delivery taken to be sent now, with what sending needs. */
export interface DueDelivery extends Delivery {
  accountId: number;
  payload: string;
  /** The account's webhook now (it may have been removed since). */
  url: string | null;
  secret: string | null;
}

/** What an attempt came to. */
export interface AttemptResult {
  status: DeliveryStatus;
  statusCode: number | null;
  error: string | null;
  nextAttemptAt: number;
}

/** The webhook outbox: written with the changes that cause deliveries, read by the dispatcher. */
export interface WebhookStore {
  /** Creates or replaces the account's signing secret. */
  setWebhookSecret(accountId: number, secret: string): Promise<void>;
  /** The account's webhook URL and secret, when both are set. */
  webhookTarget(accountId: number): Promise<{ url: string; secret: string } | undefined>;
  /**
   * Takes at most `limit` due deliveries for `leaseMs`, at most `perAccount` per account and none
   * of `busyAccounts`; a delivery taken is not taken again until its lease runs out.
   */
  claimDeliveries(now: number, leaseMs: number, limit: number, perAccount: number, busyAccounts: readonly number[]): Promise<DueDelivery[]>;
  finishAttempt(id: number, result: AttemptResult): Promise<void>;
  /** The account's latest deliveries, newest first. */
  listDeliveries(accountId: number, limit: number): Promise<Delivery[]>;
  /** Queues the delivery again at once with its webhook id; undefined for another account's or an unknown id. */
  retryDelivery(accountId: number, id: number, now: number): Promise<Delivery | undefined>;
}

/** What streams read: tokens for browsers, and the history by id. */
export interface StreamStore {
  createStreamToken(tokenHash: Buffer, accountId: number, expiresAt: number): Promise<void>;
  /** The account a token opens while it lives. */
  findStreamToken(tokenHash: Buffer, now: number): Promise<Account | undefined>;
  /** The account's mood changes after `afterId`, by id, at most `limit`; only one session's when given. */
  changesAfter(accountId: number, afterId: number, limit: number, sessionId?: string): Promise<StoredMoodChange[]>;
}

/** Everything the API keeps. Each method is atomic; sessions are always addressed through their account. */
export interface Storage
  extends AccountStore,
    SessionStore,
    AnalyticsStore,
    AlertStore,
    WebhookStore,
    StreamStore,
    RetentionStore {
  /** Whether the database answers. */
  isHealthy(): Promise<boolean>;
  /** Batches waiting for their commit now. */
  queueDepth(): number;
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
