#!/usr/bin/env node
import BetterSqlite3 from "better-sqlite3";
import { ConfigError, configFromEnv, resolveConfig } from "./config.js";

/**
 * Copies the live database to the path given, with SQLite's online backup: the server keeps
 * serving while it runs, and the copy is one consistent moment of the database.
 * Usage: `sessionmood-backup <destination>` (the database is SESSIONMOOD_DB's).
 */
const destination = process.argv[2];
try {
  if (!destination) throw new ConfigError("give the backup's destination path: sessionmood-backup <destination>");
  const { dbPath } = resolveConfig(configFromEnv(process.env));
  const db = new BetterSqlite3(dbPath, { fileMustExist: true, readonly: true });
  try {
    const { totalPages } = await db.backup(destination);
    console.log(`backed up ${dbPath} to ${destination} (${totalPages} pages)`);
  } finally {
    db.close();
  }
} catch (error) {
  console.error(`SessionMood backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
