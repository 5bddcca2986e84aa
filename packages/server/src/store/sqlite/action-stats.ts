import type { Database } from "better-sqlite3";
import type { ActionStats } from "../storage.js";

/** Reads an account's rated feedback by mood and action (what learning and the Actions view use). */
export function prepareActionStats(db: Database): (accountId: number) => ActionStats[] {
  const statement = db.prepare(
    `SELECT mood, action_taken AS action, count(*) AS rated, sum(was_helpful) AS helpful
     FROM feedback WHERE account_id = ? AND was_helpful IS NOT NULL AND mood IS NOT NULL
     GROUP BY mood, action_taken ORDER BY mood, action_taken`,
  );
  return (accountId) => statement.all(accountId) as ActionStats[];
}
