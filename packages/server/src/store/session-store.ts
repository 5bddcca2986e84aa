import type { Mood, MoodEvent, MoodResult, MoodState } from "@sessionmood/engine";
import type { PlanName } from "../plans.js";

export type KeyKind = "secret" | "publishable";

export interface Account {
  id: number;
  name: string;
  email: string | null;
  plan: PlanName;
  /** Origins whose pages may post events; null allows any. */
  allowedOrigins: string[] | null;
}

/** A key found by its hash, with the account it opens. */
export interface StoredKey {
  keyHash: Buffer;
  kind: KeyKind;
  account: Account;
}

export interface NewAccount {
  name: string;
  email: string | null;
  plan: PlanName;
  allowedOrigins: string[] | null;
  createdAt: number;
}

export interface StoredSession {
  sessionId: string;
  eventCount: number;
  state: MoodState;
  /** When its latest batch arrived (Unix ms). */
  updatedAt: number;
}

/** One batch of a session's events, and how to score it on top of what is stored. */
export interface EventBatch {
  accountId: number;
  sessionId: string;
  /** Complete events (every `ts` filled in), in arrival order. */
  events: readonly MoodEvent[];
  receivedAt: number;
  /** The quota month `receivedAt` falls in, and how many new sessions it allows. */
  month: string;
  newSessionsPerMonth: number;
  score(previous: MoodState | undefined): { state: MoodState; mood: MoodResult };
}

export type BatchOutcome =
  | { stored: true; totalEvents: number; mood: MoodResult }
  | { stored: false; reason: "quota_exceeded" };

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

/**
 * Everything the API keeps. Each method is atomic: it happens completely or not at all.
 * Sessions are always addressed through their account, so one account never reaches another's.
 */
export interface SessionStore {
  /** Creates the account with its first keys, all at once. */
  createAccount(account: NewAccount, keyHashes: Record<KeyKind, Buffer>): Account;
  addKey(accountId: number, kind: KeyKind, keyHash: Buffer, createdAt: number): void;
  /** The live (not revoked) key with this hash. */
  findKey(keyHash: Buffer): StoredKey | undefined;
  /** The demo account, created on first use. */
  demoAccount(createdAt: number): Account;
  revokePublishableKeys(accountId: number, revokedAt: number): void;
  /**
   * Stores the batch and the session's new state, or nothing when a new session is over quota;
   * settles once that is committed. Batches arriving together may share one commit.
   */
  recordBatch(batch: EventBatch): Promise<BatchOutcome>;
  findSession(accountId: number, sessionId: string): StoredSession | undefined;
  /** False when the session does not exist. */
  addFeedback(accountId: number, sessionId: string, feedback: Feedback): boolean;
  /** Deletes the session with its events and feedback; false when it did not exist. */
  deleteSession(accountId: number, sessionId: string): boolean;
  moodCounts(accountId: number): MoodCounts;
  /** Deletes sessions of `plan` accounts last updated before `before` (Unix ms); returns how many. */
  purgeSessions(plan: PlanName, before: number): number;
  /** Whether the database answers. */
  isHealthy(): boolean;
  /** Finishes what is queued, then releases the database. */
  close(): Promise<void>;
}
