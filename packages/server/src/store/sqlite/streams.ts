import type { Database } from "better-sqlite3";
import type { Account, StoredMoodChange, StreamStore } from "../storage.js";
import { ACCOUNT_COLUMNS, toAccount, type AccountRow } from "./accounts.js";
import { toChange, type ChangeRow } from "./history.js";

/** Stream tokens and the history by id, on the storage's connection. */
export class SqliteStreams implements StreamStore {
  private readonly sql: ReturnType<typeof prepareStatements>;

  constructor(db: Database) {
    this.sql = prepareStatements(db);
  }

  async createStreamToken(tokenHash: Buffer, accountId: number, expiresAt: number): Promise<void> {
    this.sql.insertToken.run(tokenHash, accountId, expiresAt);
  }

  async findStreamToken(tokenHash: Buffer, now: number): Promise<Account | undefined> {
    const row = this.sql.findToken.get(tokenHash, now) as AccountRow | undefined;
    return row && toAccount(row);
  }

  async changesAfter(accountId: number, afterId: number, limit: number, sessionId?: string): Promise<StoredMoodChange[]> {
    const rows = (
      sessionId === undefined
        ? this.sql.accountChanges.all(accountId, afterId, limit)
        : this.sql.sessionChanges.all(accountId, afterId, sessionId, limit)
    ) as (ChangeRow & { session_id: string })[];
    return rows.map((row) => toChange(row, row.session_id));
  }
}

function prepareStatements(db: Database) {
  const columns = "c.id, s.session_id, c.at, c.from_mood, c.to_mood, c.confidence, c.signals, c.page";
  return {
    insertToken: db.prepare("INSERT INTO stream_tokens (token_hash, account_id, expires_at) VALUES (?, ?, ?)"),
    findToken: db.prepare(
      `SELECT ${ACCOUNT_COLUMNS} FROM stream_tokens t JOIN accounts a ON a.id = t.account_id
       WHERE t.token_hash = ? AND t.expires_at > ?`,
    ),
    accountChanges: db.prepare(
      `SELECT ${columns} FROM mood_changes c JOIN sessions s ON s.pk = c.session_pk
       WHERE c.account_id = ? AND c.id > ? ORDER BY c.id LIMIT ?`,
    ),
    sessionChanges: db.prepare(
      `SELECT ${columns} FROM mood_changes c JOIN sessions s ON s.pk = c.session_pk
       WHERE c.account_id = ? AND c.id > ? AND s.session_id = ? ORDER BY c.id LIMIT ?`,
    ),
  };
}
