import type { Database } from "better-sqlite3";
import { DAY_MS, PLAN_NAMES, type PlanTable } from "../../plans.js";
import { SLOT_MS } from "../../history/session-history.js";
import type { RetentionStore } from "../storage.js";
import { SqliteHistory } from "./history.js";

/** Retention by the age of events, on the storage's connection. */
export class SqliteRetention implements RetentionStore {
  private readonly sql: ReturnType<typeof prepareStatements>;
  private readonly purgeChunk;

  constructor(db: Database) {
    const sql = prepareStatements(db);
    const history = new SqliteHistory(db);
    this.sql = sql;
    this.purgeChunk = db.transaction((now: number, plans: PlanTable, limit: number): number => {
      let left = limit;
      const planDays = Object.fromEntries(PLAN_NAMES.map((plan) => [plan, plans[plan].retentionDays]));
      const removed = new Map<number, number>();
      const batches = sql.deleteExpiredBatches.all({ now, day: DAY_MS, limit: left, ...planDays }) as {
        session_pk: number;
        events: number;
      }[];
      for (const { session_pk, events } of batches) removed.set(session_pk, (removed.get(session_pk) ?? 0) + events);
      for (const [pk, events] of removed) sql.uncountEvents.run(events, pk);
      left -= batches.length;
      const params = { now, day: DAY_MS, slot: SLOT_MS, hourMs: DAY_MS / 24, ...planDays };
      for (const history of [
        sql.deleteExpiredChanges,
        sql.deleteExpiredSlots,
        sql.deleteExpiredVisits,
        sql.deleteExpiredPageHours,
        sql.deleteExpiredAlerts,
        sql.deleteExpiredDeliveries,
        sql.deleteExpiredStreamTokens,
      ]) {
        if (left > 0) left -= history.run({ ...params, limit: left }).changes;
      }
      if (left > 0) {
        const emptied = sql.emptiedSessions.all(left) as { pk: number; account_id: number }[];
        for (const { pk, account_id } of emptied) {
          sql.deleteFeedback.run(pk);
          history.deleteFor(account_id, pk);
          sql.deleteSession.run(pk);
        }
        left -= emptied.length;
      }
      if (left > 0) {
        const longestDays = Math.max(...PLAN_NAMES.map((plan) => plans[plan].retentionDays));
        left -= sql.deleteOldTombstones.run(now - longestDays * DAY_MS, left).changes;
      }
      return limit - left;
    });
  }

  async purgeExpired(now: number, plans: PlanTable, limit: number): Promise<number> {
    return this.purgeChunk(now, plans, limit);
  }
}

function prepareStatements(db: Database) {
  const planDays = PLAN_NAMES.map((plan) => `WHEN '${plan}' THEN :${plan}`).join(" ");
  const cutoff = `:now - coalesce(a.retention_days, CASE a.plan ${planDays} END) * :day`;
  return {
    // Accounts first (CROSS JOIN keeps that order), then each one's expired batches by index:
    // a seek per account, never a scan of batches still within their account's retention.
    deleteExpiredBatches: db.prepare(
      `DELETE FROM event_batches WHERE id IN (
         SELECT b.id FROM accounts a CROSS JOIN event_batches b
         ON b.account_id = a.id
           AND b.last_at < :now - coalesce(a.retention_days, CASE a.plan ${planDays} END) * :day
         LIMIT :limit)
       RETURNING session_pk, json_array_length(events) AS events`,
    ),
    deleteExpiredChanges: db.prepare(
      `DELETE FROM mood_changes WHERE id IN (
         SELECT c.id FROM accounts a CROSS JOIN mood_changes c ON c.account_id = a.id AND c.at < ${cutoff}
         LIMIT :limit)`,
    ),
    deleteExpiredSlots: db.prepare(
      `DELETE FROM session_activity WHERE (session_pk, slot) IN (
         SELECT s.session_pk, s.slot FROM accounts a CROSS JOIN session_activity s
         ON s.account_id = a.id AND s.slot < (${cutoff}) / :slot
         LIMIT :limit)`,
    ),
    deleteExpiredVisits: db.prepare(
      `DELETE FROM page_visits WHERE (session_pk, path) IN (
         SELECT v.session_pk, v.path FROM accounts a CROSS JOIN page_visits v
         ON v.account_id = a.id AND v.last_at < ${cutoff}
         LIMIT :limit)`,
    ),
    deleteExpiredPageHours: db.prepare(
      `DELETE FROM page_hours WHERE (account_id, hour, path) IN (
         SELECT h.account_id, h.hour, h.path FROM accounts a CROSS JOIN page_hours h
         ON h.account_id = a.id AND h.hour < (${cutoff}) / :hourMs
         LIMIT :limit)`,
    ),
    deleteExpiredAlerts: db.prepare(
      `DELETE FROM alerts WHERE id IN (
         SELECT x.id FROM accounts a CROSS JOIN alerts x
         ON x.account_id = a.id AND x.ended_at < ${cutoff}
         LIMIT :limit)`,
    ),
    // A delivery still pending is kept whatever its age: its retries end on their own within a day.
    deleteExpiredDeliveries: db.prepare(
      `DELETE FROM webhook_deliveries WHERE id IN (
         SELECT d.id FROM accounts a CROSS JOIN webhook_deliveries d
         ON d.account_id = a.id AND d.created_at < ${cutoff} AND d.status <> 'pending'
         LIMIT :limit)`,
    ),
    deleteExpiredStreamTokens: db.prepare(
      `DELETE FROM stream_tokens WHERE token_hash IN (
         SELECT token_hash FROM stream_tokens WHERE expires_at < :now LIMIT :limit)`,
    ),
    uncountEvents: db.prepare("UPDATE sessions SET event_count = event_count - ? WHERE pk = ?"),
    emptiedSessions: db.prepare("SELECT pk, account_id FROM sessions WHERE event_count = 0 LIMIT ?"),
    deleteFeedback: db.prepare("DELETE FROM feedback WHERE session_pk = ?"),
    deleteSession: db.prepare("DELETE FROM sessions WHERE pk = ?"),
    deleteOldTombstones: db.prepare(
      "DELETE FROM deleted_sessions WHERE id IN (SELECT id FROM deleted_sessions WHERE deleted_at < ? LIMIT ?)",
    ),
  };
}
