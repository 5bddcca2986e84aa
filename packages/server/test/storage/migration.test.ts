import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterEach, beforeEach, expect, test } from "vitest";
import { DAY_MS, PLANS } from "../../src/plans.js";
import { createMoodState, isCurrentState, scoreEvents } from "@sessionmood/engine";
import { rescoreStaleSessions } from "../../src/sessions/rescore-stale.js";
import { migrate } from "../../src/store/sqlite/migrations.js";
import { SqliteStorage } from "../../src/store/sqlite/sqlite-storage.js";
import { temporaryDirectory } from "../test-server.js";
import { batch, clicks, NOW } from "./storage-fixture.js";

let dir: ReturnType<typeof temporaryDirectory>;
let path: string;
beforeEach(() => {
  dir = temporaryDirectory();
  path = join(dir.path, "old.db");
});
afterEach(() => {
  dir.remove();
});

/**
 * A database as the first schema version held it, with a state of the engine of its time (its
 * evidence kept as faded sums).
 */
async function writeWithPreviousStore(): Promise<number> {
  const db = new BetterSqlite3(path);
  migrate(db, 1);
  const id = Number(
    db
      .prepare("INSERT INTO accounts (name, email, plan, allowed_origins, is_demo, created_at) VALUES (?, ?, ?, ?, 0, 0)")
      .run("Acme", null, "pro", JSON.stringify(["https://a.example"])).lastInsertRowid,
  );
  const key = db.prepare("INSERT INTO api_keys (key_hash, account_id, kind, created_at) VALUES (?, ?, ?, 0)");
  key.run(Buffer.from("s"), id, "secret");
  key.run(Buffer.from("p"), id, "publishable");
  db.prepare("UPDATE api_keys SET revoked_at = ? WHERE kind = 'publishable'").run(NOW);
  const oldState = { events: 3, at: NOW / 1000, lastType: "click", evidence: { clicks: 2.9, rage: 0 } };
  const pk = Number(
    db
      .prepare(
        "INSERT INTO sessions (account_id, session_id, created_at, updated_at, event_count, mood, state) VALUES (?, 's', ?, ?, 3, 'neutral', ?)",
      )
      .run(id, NOW, NOW, JSON.stringify(oldState)).lastInsertRowid,
  );
  db.prepare("INSERT INTO event_batches (session_pk, first_seq, received_at, events) VALUES (?, 0, ?, ?)").run(
    pk,
    NOW,
    JSON.stringify(clicks(3)),
  );
  db.prepare("INSERT INTO feedback (session_pk, action_taken, was_helpful, notes, created_at) VALUES (?, 'live_chat', 1, NULL, ?)").run(
    pk,
    NOW,
  );
  db.close();
  return id;
}

test("a database of the previous schema opens with everything in it, and takes the new fields", async () => {
  const accountId = await writeWithPreviousStore();

  const storage = new SqliteStorage({ path, synchronous: "NORMAL", onError: () => {} });
  try {
    expect(await storage.findKey(Buffer.from("s"), NOW)).toMatchObject({
      kind: "secret",
      expiresAt: null,
      account: { id: accountId, allowedOrigins: ["https://a.example"], retentionDays: null },
    });
    expect(await storage.findKey(Buffer.from("p"), NOW)).toBeUndefined();
    // The state an earlier engine wrote is rebuilt from the stored events, as at server start-up.
    expect(await rescoreStaleSessions(storage)).toBe(1);
    expect(await rescoreStaleSessions(storage)).toBe(0);
    const rebuilt = await storage.findSession(accountId, "s");
    expect(isCurrentState(rebuilt!.state)).toBe(true);
    expect(rebuilt!.state).toEqual(scoreEvents(createMoodState(), clicks(3)));

    const exported = await storage.exportSession(accountId, "s");
    expect(exported?.session).toMatchObject({ eventCount: 3, createdAt: NOW, updatedAt: NOW });
    expect(exported?.batches).toEqual([{ batchId: null, receivedAt: NOW, events: clicks(3) }]);
    expect(exported?.feedback).toHaveLength(1);

    // The new fields work on old rows: batch ids, the cap, rotation, and retention by the
    // batch's arrival (its events' time was not known before).
    const nextDay = [{ type: "click" as const, ts: (NOW + DAY_MS) / 1000 }];
    await storage.recordBatch(batch(accountId, "s", nextDay, { batchId: "b1", receivedAt: NOW + DAY_MS }));
    expect(await storage.recordBatch(batch(accountId, "s", clicks(1), { batchId: "b1" }))).toMatchObject({
      kind: "duplicate",
      totalEvents: 4,
    });
    expect(await storage.recordBatch(batch(accountId, "s", clicks(1), { maxSessionEvents: 4 }))).toMatchObject({
      kind: "capped",
    });
    await storage.rotateKey(accountId, "secret", { hash: Buffer.from("s2") }, NOW, 0);
    expect(await storage.findKey(Buffer.from("s"), NOW)).toBeUndefined();
    expect(await storage.purgeExpired(NOW + PLANS.pro.retentionDays * DAY_MS + 1, PLANS, 100)).toBe(1);
    expect((await storage.findSession(accountId, "s"))?.eventCount).toBe(1);
  } finally {
    await storage.close();
  }

  const db = new BetterSqlite3(path, { readonly: true });
  expect(db.prepare("SELECT max(version) FROM schema_version").pluck().get()).toBe(4);
  db.close();
});

test("opening the same database again applies nothing twice", async () => {
  await writeWithPreviousStore();
  for (let i = 0; i < 2; i++) await new SqliteStorage({ path, synchronous: "NORMAL", onError: () => {} }).close();

  const db = new BetterSqlite3(path, { readonly: true });
  expect(db.prepare("SELECT version FROM schema_version ORDER BY version").pluck().all()).toEqual([1, 2, 3, 4]);
  db.close();
});
