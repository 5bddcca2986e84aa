import type { Database } from "better-sqlite3";
import { migrate as migrateTo } from "./sqlite/migrations.js";

/** The schema SqliteSessionStore was written for: the first version. */
export function migrate(db: Database): number {
  return migrateTo(db, 1);
}
