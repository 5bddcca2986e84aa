import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { createMoodState, moodOf, scoreEvents } from "@sessionmood/engine";
import { afterEach, beforeEach, expect, test } from "vitest";
import { DAY_MS, PLANS } from "../../src/plans.js";
import { SqliteSessionStore } from "../../src/store/sqlite-session-store.js";
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

/** A database written by the previous store, on the first schema version. */
async function writeWithPreviousStore(): Promise<number> {
  const store = new SqliteSessionStore({ path, synchronous: "NORMAL" });
  const account = { name: "Acme", email: null, plan: "pro" as const, allowedOrigins: ["https://a.example"], createdAt: 0 };
  const { id } = store.createAccount(account, { secret: Buffer.from("s"), publishable: Buffer.from("p") });
  const events = clicks(3);
  await store.recordBatch({
    accountId: id,
    sessionId: "s",
    events,
    receivedAt: NOW,
    month: "2026-05",
    newSessionsPerMonth: 100,
    score(previous) {
      const state = scoreEvents(previous ?? createMoodState(), events);
      return { state, mood: moodOf(state) };
    },
  });
  store.addFeedback(id, "s", { actionTaken: "live_chat", wasHelpful: true, notes: null, createdAt: NOW });
  store.revokePublishableKeys(id, NOW);
  await store.close();
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
    const exported = await storage.exportSession(accountId, "s");
    expect(exported?.session).toMatchObject({ eventCount: 3, createdAt: NOW, updatedAt: NOW });
    expect(exported?.batches).toEqual([{ batchId: null, receivedAt: NOW, events: clicks(3) }]);
    expect(exported?.feedback).toHaveLength(1);

    // The new fields work on old rows: batch ids, the cap, rotation, and retention by the
    // batch's arrival (its events' time was not known before).
    await storage.recordBatch(batch(accountId, "s", clicks(1), { batchId: "b1", lastAt: NOW + DAY_MS }));
    expect(await storage.recordBatch(batch(accountId, "s", clicks(1), { batchId: "b1" }))).toMatchObject({
      kind: "duplicate",
      totalEvents: 4,
    });
    expect(await storage.recordBatch(batch(accountId, "s", clicks(1), { maxSessionEvents: 4 }))).toMatchObject({
      kind: "capped",
    });
    await storage.rotateKey(accountId, "secret", Buffer.from("s2"), NOW, 0);
    expect(await storage.findKey(Buffer.from("s"), NOW)).toBeUndefined();
    expect(await storage.purgeExpired(NOW + PLANS.pro.retentionDays * DAY_MS + 1, PLANS, 100)).toBe(1);
    expect((await storage.findSession(accountId, "s"))?.eventCount).toBe(1);
  } finally {
    await storage.close();
  }

  const db = new BetterSqlite3(path, { readonly: true });
  expect(db.prepare("SELECT max(version) FROM schema_version").pluck().get()).toBe(2);
  db.close();
});

test("opening the same database again applies nothing twice", async () => {
  await writeWithPreviousStore();
  for (let i = 0; i < 2; i++) await new SqliteStorage({ path, synchronous: "NORMAL", onError: () => {} }).close();

  const db = new BetterSqlite3(path, { readonly: true });
  expect(db.prepare("SELECT version FROM schema_version ORDER BY version").pluck().all()).toEqual([1, 2]);
  db.close();
});
