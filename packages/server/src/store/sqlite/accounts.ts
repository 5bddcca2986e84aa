import type { Database } from "better-sqlite3";
import type { PlanName } from "../../plans.js";
import type { Account, AccountSettingsPatch, AccountStore, KeyKind, NewAccount, StoredKey } from "../storage.js";

interface AccountRow {
  id: number;
  name: string;
  email: string | null;
  plan: PlanName;
  allowed_origins: string | null;
  retention_days: number | null;
}

const ACCOUNT_COLUMNS = "a.id, a.name, a.email, a.plan, a.allowed_origins, a.retention_days";

/** Accounts, their keys and settings, on the storage's connection. */
export class SqliteAccounts implements AccountStore {
  private readonly sql: ReturnType<typeof prepareStatements>;
  private readonly inTransaction;

  constructor(db: Database) {
    const sql = prepareStatements(db);
    this.sql = sql;
    this.inTransaction = {
      createAccount: db.transaction((account: NewAccount, keyHashes: Record<KeyKind, Buffer>): Account => {
        const { name, email, plan, allowedOrigins, createdAt } = account;
        const id = Number(sql.insertAccount.run(name, email, plan, toJson(allowedOrigins), 0, createdAt).lastInsertRowid);
        sql.insertKey.run(keyHashes.secret, id, "secret", createdAt);
        sql.insertKey.run(keyHashes.publishable, id, "publishable", createdAt);
        return { id, name, email, plan, allowedOrigins, retentionDays: null };
      }),
      demoAccount: db.transaction((createdAt: number): Account => {
        const row = sql.findDemoAccount.get() as AccountRow | undefined;
        if (row) return toAccount(row);
        const id = Number(sql.insertAccount.run("Demo", null, "starter", null, 1, createdAt).lastInsertRowid);
        return { id, name: "Demo", email: null, plan: "starter", allowedOrigins: null, retentionDays: null };
      }),
      rotateKey: db.transaction(
        (accountId: number, kind: KeyKind, newKeyHash: Buffer, now: number, graceMs: number): number => {
          const expiresAt = now + graceMs;
          sql.expireKeys.run({ accountId, kind, now, expiresAt });
          sql.insertKey.run(newKeyHash, accountId, kind, now);
          return expiresAt;
        },
      ),
      updateSettings: db.transaction((accountId: number, patch: AccountSettingsPatch): Account => {
        const row = sql.findAccount.get(accountId) as AccountRow | undefined;
        if (!row) throw new Error(`No account ${accountId}`);
        const account = toAccount(row);
        if (patch.retentionDays !== undefined) account.retentionDays = patch.retentionDays;
        if (patch.allowedOrigins !== undefined) account.allowedOrigins = patch.allowedOrigins;
        sql.updateSettings.run(account.retentionDays, toJson(account.allowedOrigins), accountId);
        return account;
      }),
    };
  }

  async createAccount(account: NewAccount, keyHashes: Record<KeyKind, Buffer>): Promise<Account> {
    return this.inTransaction.createAccount(account, keyHashes);
  }

  async findKey(keyHash: Buffer, now: number): Promise<StoredKey | undefined> {
    const row = this.sql.findKey.get(keyHash, now) as
      | (AccountRow & { key_hash: Buffer; kind: KeyKind; expires_at: number | null })
      | undefined;
    return row && { keyHash: row.key_hash, kind: row.kind, expiresAt: row.expires_at, account: toAccount(row) };
  }

  async rotateKey(accountId: number, kind: KeyKind, newKeyHash: Buffer, now: number, graceMs: number): Promise<number> {
    return this.inTransaction.rotateKey(accountId, kind, newKeyHash, now, graceMs);
  }

  async demoAccount(createdAt: number): Promise<Account> {
    return this.inTransaction.demoAccount.immediate(createdAt);
  }

  async updateSettings(accountId: number, patch: AccountSettingsPatch): Promise<Account> {
    return this.inTransaction.updateSettings(accountId, patch);
  }
}

function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    plan: row.plan,
    allowedOrigins: row.allowed_origins === null ? null : (JSON.parse(row.allowed_origins) as string[]),
    retentionDays: row.retention_days,
  };
}

function toJson(origins: string[] | null): string | null {
  return origins && JSON.stringify(origins);
}

function prepareStatements(db: Database) {
  return {
    insertAccount: db.prepare(
      "INSERT INTO accounts (name, email, plan, allowed_origins, is_demo, created_at) VALUES (?, ?, ?, ?, ?, ?)",
    ),
    findAccount: db.prepare(`SELECT ${ACCOUNT_COLUMNS} FROM accounts a WHERE a.id = ?`),
    findDemoAccount: db.prepare(`SELECT ${ACCOUNT_COLUMNS} FROM accounts a WHERE a.is_demo = 1 ORDER BY a.id LIMIT 1`),
    updateSettings: db.prepare("UPDATE accounts SET retention_days = ?, allowed_origins = ? WHERE id = ?"),
    insertKey: db.prepare("INSERT INTO api_keys (key_hash, account_id, kind, created_at) VALUES (?, ?, ?, ?)"),
    findKey: db.prepare(
      `SELECT k.key_hash, k.kind, k.expires_at, ${ACCOUNT_COLUMNS}
       FROM api_keys k JOIN accounts a ON a.id = k.account_id
       WHERE k.key_hash = ? AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > ?)`,
    ),
    // An expiry already set earlier than the new one is kept.
    expireKeys: db.prepare(
      `UPDATE api_keys SET expires_at = min(coalesce(expires_at, :expiresAt), :expiresAt)
       WHERE account_id = :accountId AND kind = :kind AND revoked_at IS NULL
         AND (expires_at IS NULL OR expires_at > :now)`,
    ),
  };
}
