import type { Database } from "better-sqlite3";
import { newWebhookId } from "../../webhooks/webhook-payload.js";
import type { AttemptResult, Delivery, DeliveryStatus, DueDelivery, WebhookStore } from "../storage.js";

interface DeliveryRow {
  id: number;
  webhook_id: string;
  event: string;
  status: DeliveryStatus;
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  created_at: number;
  next_attempt_at: number;
}

/** Due deliveries looked at per free slot: enough to find other accounts' behind one account's backlog. */
const SCAN_PER_SLOT = 8;

const COLUMNS = "id, webhook_id, event, status, attempts, last_status_code, last_error, created_at, next_attempt_at";

/** The webhook outbox, on the storage's connection. */
export class SqliteWebhooks implements WebhookStore {
  private readonly sql: ReturnType<typeof prepareStatements>;
  private readonly claim;

  constructor(db: Database) {
    const sql = prepareStatements(db);
    this.sql = sql;
    this.claim = db.transaction(
      (now: number, leaseMs: number, limit: number, perAccount: number, busyAccounts: readonly number[]): DueDelivery[] => {
        // The oldest due first, a few per account and none of an account already at its share,
        // so one dead receiver cannot hold every slot; read by the due index, never the backlog.
        const taken = new Map<number, number>(busyAccounts.map((account) => [account, perAccount]));
        const chosen: number[] = [];
        for (const row of sql.due.iterate({ now, scan: limit * SCAN_PER_SLOT }) as Iterable<{ id: number; account_id: number }>) {
          const count = taken.get(row.account_id) ?? 0;
          if (count >= perAccount) continue;
          taken.set(row.account_id, count + 1);
          chosen.push(row.id);
          if (chosen.length === limit) break;
        }
        if (chosen.length === 0) return [];
        const rows = sql.lease.all({ leaseUntil: now + leaseMs, ids: JSON.stringify(chosen) }) as (DeliveryRow & {
          account_id: number;
          payload: string;
          url: string | null;
          secret: string | null;
        })[];
        return rows.map((row) => ({
          ...toDelivery(row),
          accountId: row.account_id,
          payload: row.payload,
          url: row.url,
          secret: row.secret,
        }));
      },
    );
  }

  /** Queues an event for delivery, inside the caller's transaction. */
  enqueue(accountId: number, event: string, payload: string, now: number): void {
    this.sql.insert.run(accountId, newWebhookId(), event, payload, now, now);
  }

  async setWebhookSecret(accountId: number, secret: string): Promise<void> {
    this.sql.setSecret.run(secret, accountId);
  }

  async webhookTarget(accountId: number): Promise<{ url: string; secret: string } | undefined> {
    const row = this.sql.target.get(accountId) as { url: string | null; secret: string | null } | undefined;
    return row?.url && row.secret ? { url: row.url, secret: row.secret } : undefined;
  }

  async claimDeliveries(
    now: number,
    leaseMs: number,
    limit: number,
    perAccount: number,
    busyAccounts: readonly number[],
  ): Promise<DueDelivery[]> {
    return this.claim.immediate(now, leaseMs, limit, perAccount, busyAccounts);
  }

  async finishAttempt(id: number, result: AttemptResult): Promise<void> {
    this.sql.finish.run({ id, ...result });
  }

  async listDeliveries(accountId: number, limit: number): Promise<Delivery[]> {
    return (this.sql.list.all(accountId, limit) as DeliveryRow[]).map(toDelivery);
  }

  async retryDelivery(accountId: number, id: number, now: number): Promise<Delivery | undefined> {
    const row = this.sql.retry.get({ accountId, id, now }) as DeliveryRow | undefined;
    return row && toDelivery(row);
  }
}

function toDelivery(row: DeliveryRow): Delivery {
  return {
    id: row.id,
    webhookId: row.webhook_id,
    event: row.event,
    status: row.status,
    attempts: row.attempts,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    createdAt: row.created_at,
    nextAttemptAt: row.next_attempt_at,
  };
}

function prepareStatements(db: Database) {
  return {
    insert: db.prepare(
      `INSERT INTO webhook_deliveries (account_id, webhook_id, event, payload, status, created_at, next_attempt_at)
       VALUES (?, ?, ?, ?, 'pending', ?, ?)`,
    ),
    setSecret: db.prepare("UPDATE accounts SET webhook_secret = ? WHERE id = ?"),
    target: db.prepare(
      "SELECT json_extract(settings, '$.webhook.url') AS url, webhook_secret AS secret FROM accounts WHERE id = ?",
    ),
    due: db.prepare(
      `SELECT id, account_id FROM webhook_deliveries
       WHERE status = 'pending' AND next_attempt_at <= :now AND (lease_until IS NULL OR lease_until <= :now)
       ORDER BY next_attempt_at LIMIT :scan`,
    ),
    lease: db.prepare(
      `UPDATE webhook_deliveries SET lease_until = :leaseUntil WHERE id IN (SELECT value FROM json_each(:ids))
       RETURNING ${COLUMNS}, account_id, payload,
         (SELECT json_extract(settings, '$.webhook.url') FROM accounts WHERE id = account_id) AS url,
         (SELECT webhook_secret FROM accounts WHERE id = account_id) AS secret`,
    ),
    finish: db.prepare(
      `UPDATE webhook_deliveries SET status = :status, attempts = attempts + 1, last_status_code = :statusCode,
         last_error = :error, next_attempt_at = :nextAttemptAt, lease_until = NULL WHERE id = :id`,
    ),
    list: db.prepare(`SELECT ${COLUMNS} FROM webhook_deliveries WHERE account_id = ? ORDER BY id DESC LIMIT ?`),
    retry: db.prepare(
      `UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = :now, lease_until = NULL
       WHERE id = :id AND account_id = :accountId RETURNING ${COLUMNS}`,
    ),
  };
}
