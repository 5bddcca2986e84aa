import type { Database } from "better-sqlite3";
import { slotOf } from "../../history/session-history.js";
import type {
  Account,
  AlertCondition,
  AlertStatus,
  AlertStore,
  AlertType,
  StoredAlert,
  WebhookSubscription,
} from "../storage.js";
import { alertOpenedPayload } from "../../webhooks/webhook-payload.js";
import { ACCOUNT_COLUMNS, toAccount, type AccountRow } from "./accounts.js";
import { SqliteWebhooks } from "./webhooks.js";

interface AlertRow {
  id: number;
  type: AlertType;
  page: string | null;
  status: AlertStatus;
  started_at: number;
  updated_at: number;
  ended_at: number | null;
  value: number;
  baseline: number;
  sessions: number;
  message: string;
}

/** Alert episodes, on the storage's connection. */
export class SqliteAlerts implements AlertStore {
  private readonly sql: ReturnType<typeof prepareStatements>;
  private readonly reconcile;

  constructor(db: Database) {
    const sql = prepareStatements(db);
    const outbox = new SqliteWebhooks(db);
    this.sql = sql;
    this.reconcile = db.transaction(
      (accountId: number, holding: readonly AlertCondition[], now: number, webhook: WebhookSubscription | null): StoredAlert[] => {
        const conditions = new Map(holding.map((condition) => [keyOf(condition), condition]));
        for (const row of sql.underWay.all(accountId) as AlertRow[]) {
          const condition = conditions.get(keyOf(row));
          conditions.delete(keyOf(row));
          if (condition) sql.update.run({ ...reading(condition), now, id: row.id });
          else sql.end.run({ now, id: row.id });
        }
        return [...conditions.values()].map((condition) => {
          const { type, page } = condition;
          const id = Number(sql.insert.run({ accountId, type, page, now, ...reading(condition) }).lastInsertRowid);
          const payload = webhook && alertOpenedPayload(webhook, { ...condition, id, startedAt: now });
          if (payload) outbox.enqueue(accountId, "alert.opened", payload, now);
          return toAlert(sql.find.get(id) as AlertRow);
        });
      },
    );
  }

  async reconcileAlerts(
    accountId: number,
    holding: readonly AlertCondition[],
    now: number,
    webhook: WebhookSubscription | null,
  ): Promise<StoredAlert[]> {
    return this.reconcile.immediate(accountId, holding, now, webhook);
  }

  async listAlerts(accountId: number, status: AlertStatus | "all"): Promise<StoredAlert[]> {
    const rows = (status === "all" ? this.sql.listAll.all(accountId) : this.sql.list.all(accountId, status)) as AlertRow[];
    return rows.map(toAlert);
  }

  async dismissAlert(accountId: number, id: number, now: number): Promise<boolean> {
    return this.sql.dismiss.run(now, id, accountId).changes > 0;
  }

  async accountsActiveSince(since: number): Promise<Account[]> {
    return (this.sql.activeAccounts.all(slotOf(since)) as AccountRow[]).map(toAccount);
  }
}

function keyOf(alert: { type: AlertType; page: string | null }): string {
  return `${alert.type} ${alert.page ?? ""}`;
}

function reading({ value, baseline, sessions, message }: AlertCondition) {
  return { value, baseline, sessions, message };
}

function toAlert(row: AlertRow): StoredAlert {
  return {
    id: row.id,
    type: row.type,
    page: row.page,
    status: row.status,
    startedAt: row.started_at,
    updatedAt: row.updated_at,
    endedAt: row.ended_at,
    value: row.value,
    baseline: row.baseline,
    sessions: row.sessions,
    message: row.message,
  };
}

function prepareStatements(db: Database) {
  const columns = "id, type, page, status, started_at, updated_at, ended_at, value, baseline, sessions, message";
  return {
    underWay: db.prepare(`SELECT ${columns} FROM alerts WHERE account_id = ? AND ended_at IS NULL`),
    find: db.prepare(`SELECT ${columns} FROM alerts WHERE id = ?`),
    insert: db.prepare(
      `INSERT INTO alerts (account_id, type, page, status, started_at, updated_at, value, baseline, sessions, message)
       VALUES (:accountId, :type, :page, 'active', :now, :now, :value, :baseline, :sessions, :message)`,
    ),
    update: db.prepare(
      `UPDATE alerts SET value = :value, baseline = :baseline, sessions = :sessions, message = :message,
         updated_at = :now WHERE id = :id`,
    ),
    // A dismissed episode stays dismissed when it ends; an active one is resolved.
    end: db.prepare(
      `UPDATE alerts SET ended_at = :now, updated_at = :now,
         status = CASE status WHEN 'active' THEN 'resolved' ELSE status END WHERE id = :id`,
    ),
    list: db.prepare(
      `SELECT ${columns} FROM alerts WHERE account_id = ? AND status = ? ORDER BY started_at DESC, id DESC`,
    ),
    listAll: db.prepare(`SELECT ${columns} FROM alerts WHERE account_id = ? ORDER BY started_at DESC, id DESC`),
    dismiss: db.prepare("UPDATE alerts SET status = 'dismissed', updated_at = ? WHERE id = ? AND account_id = ?"),
    activeAccounts: db.prepare(
      `SELECT ${ACCOUNT_COLUMNS} FROM accounts a
       WHERE EXISTS (SELECT 1 FROM session_activity WHERE account_id = a.id AND slot >= ?)
          OR EXISTS (SELECT 1 FROM alerts WHERE account_id = a.id AND ended_at IS NULL)`,
    ),
  };
}
