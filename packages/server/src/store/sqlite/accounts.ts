import type { Database } from "better-sqlite3";
import type { ActionPolicy } from "@sessionmood/engine";
import type { PlanName } from "../../plans.js";
import { settingsFrom } from "../../settings/account-settings.js";
import type {
  Account,
  AccountSettingsPatch,
  AccountStore,
  KeyKind,
  LearnPolicy,
  NewAccount,
  StoredKey,
} from "../storage.js";
import { prepareActionStats } from "./action-stats.js";

export interface AccountRow {
  id: number;
  name: string;
  email: string | null;
  plan: PlanName;
  allowed_origins: string | null;
  retention_days: number | null;
  settings: string | null;
  policy: string | null;
  has_webhook_secret: number;
}

export const ACCOUNT_COLUMNS =
  "a.id, a.name, a.email, a.plan, a.allowed_origins, a.retention_days, a.settings, a.policy, " +
  "a.webhook_secret IS NOT NULL AS has_webhook_secret";

/** Accounts, their keys and settings, on the storage's connection. */
export class SqliteAccounts implements AccountStore {
  private readonly sql: ReturnType<typeof prepareStatements>;
  private readonly inTransaction;

  constructor(db: Database) {
    const sql = prepareStatements(db);
    const actionStats = prepareActionStats(db);
    this.sql = sql;
    this.inTransaction = {
      createAccount: db.transaction(
        (account: NewAccount, keyHashes: Record<KeyKind, Buffer>, publishableKey: string): Account => {
          const { name, email, plan, allowedOrigins, createdAt } = account;
          const id = Number(
            sql.insertAccount.run(name, email, plan, toJson(allowedOrigins), 0, createdAt).lastInsertRowid,
          );
          sql.insertKey.run(keyHashes.secret, id, "secret", createdAt, null);
          sql.insertKey.run(keyHashes.publishable, id, "publishable", createdAt, publishableKey);
          return toAccount(sql.findAccount.get(id) as AccountRow);
        },
      ),
      demoAccount: db.transaction((createdAt: number): Account => {
        const row = sql.findDemoAccount.get() as AccountRow | undefined;
        if (row) return toAccount(row);
        const id = Number(sql.insertAccount.run("Demo", null, "starter", null, 1, createdAt).lastInsertRowid);
        return toAccount(sql.findAccount.get(id) as AccountRow);
      }),
      rotateKey: db.transaction(
        (accountId: number, kind: KeyKind, newKey: { hash: Buffer; publishable?: string }, now: number, graceMs: number) => {
          const expiresAt = now + graceMs;
          sql.expireKeys.run({ accountId, kind, now, expiresAt });
          sql.insertKey.run(newKey.hash, accountId, kind, now, newKey.publishable ?? null);
          return expiresAt;
        },
      ),
      updateSettings: db.transaction((accountId: number, patch: AccountSettingsPatch, learn: LearnPolicy): Account => {
        const row = sql.findAccount.get(accountId) as AccountRow | undefined;
        if (!row) throw new Error(`No account ${accountId}`);
        const account = toAccount(row);
        if (patch.retentionDays !== undefined) account.retentionDays = patch.retentionDays;
        if (patch.allowedOrigins !== undefined) account.allowedOrigins = patch.allowedOrigins;
        if (patch.settings !== undefined) account.settings = patch.settings;
        account.policy = learn(actionStats(accountId), account.settings);
        sql.updateSettings.run(
          account.retentionDays,
          toJson(account.allowedOrigins),
          JSON.stringify(account.settings),
          JSON.stringify(account.policy),
          accountId,
        );
        return account;
      }),
    };
  }

  async createAccount(account: NewAccount, keyHashes: Record<KeyKind, Buffer>, publishableKey: string): Promise<Account> {
    return this.inTransaction.createAccount(account, keyHashes, publishableKey);
  }

  async findKey(keyHash: Buffer, now: number): Promise<StoredKey | undefined> {
    const row = this.sql.findKey.get(keyHash, now) as
      | (AccountRow & { key_hash: Buffer; kind: KeyKind; expires_at: number | null })
      | undefined;
    return row && { keyHash: row.key_hash, kind: row.kind, expiresAt: row.expires_at, account: toAccount(row) };
  }

  async rotateKey(
    accountId: number,
    kind: KeyKind,
    newKey: { hash: Buffer; publishable?: string },
    now: number,
    graceMs: number,
  ): Promise<number> {
    return this.inTransaction.rotateKey(accountId, kind, newKey, now, graceMs);
  }

  async publishableKey(accountId: number): Promise<string | null> {
    return (this.sql.newestPublishableKey.get(accountId) as string | undefined) ?? null;
  }

  async demoAccount(createdAt: number): Promise<Account> {
    return this.inTransaction.demoAccount.immediate(createdAt);
  }

  async updateSettings(accountId: number, patch: AccountSettingsPatch, learn: LearnPolicy): Promise<Account> {
    return this.inTransaction.updateSettings(accountId, patch, learn);
  }
}

export function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    plan: row.plan,
    allowedOrigins: row.allowed_origins === null ? null : (JSON.parse(row.allowed_origins) as string[]),
    retentionDays: row.retention_days,
    settings: settingsFrom(row.settings),
    policy: row.policy === null ? {} : (JSON.parse(row.policy) as ActionPolicy),
    hasWebhookSecret: row.has_webhook_secret === 1,
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
    updateSettings: db.prepare(
      "UPDATE accounts SET retention_days = ?, allowed_origins = ?, settings = ?, policy = ? WHERE id = ?",
    ),
    insertKey: db.prepare(
      "INSERT INTO api_keys (key_hash, account_id, kind, created_at, publishable_key) VALUES (?, ?, ?, ?, ?)",
    ),
    newestPublishableKey: db
      .prepare(
        `SELECT publishable_key FROM api_keys
         WHERE account_id = ? AND kind = 'publishable' AND revoked_at IS NULL AND expires_at IS NULL
         ORDER BY created_at DESC LIMIT 1`,
      )
      .pluck(),
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
