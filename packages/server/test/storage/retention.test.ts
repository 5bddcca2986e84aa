import { learnPolicy } from "../../src/learning/learn-policy.js";
import { afterEach, beforeEach, expect, test } from "vitest";
import { DAY_MS, PLANS } from "../../src/plans.js";
import { purgeInChunks } from "../../src/retention/retention-purge.js";
import { batch, clicks, NOW, openStorage, type StorageFixture } from "./storage-fixture.js";

let f: StorageFixture;
beforeEach(async () => {
  f = await openStorage();
});
afterEach(async () => {
  await f.close();
});

/** A batch whose events happened `daysAgo` days before NOW. */
function aged(accountId: number, sessionId: string, count: number, daysAgo: number) {
  const at = NOW - daysAgo * DAY_MS;
  return f.storage.recordBatch(batch(accountId, sessionId, clicks(count), { receivedAt: at }));
}

async function purgeAll(now = NOW): Promise<number> {
  return purgeInChunks(f.storage, PLANS, now);
}

test("a session that kept receiving events keeps only those within retention, and its count follows", async () => {
  // The pro plan keeps 90 days.
  await aged(f.accountId, "s", 3, 120);
  await aged(f.accountId, "s", 2, 91);
  await aged(f.accountId, "s", 4, 89);
  await aged(f.accountId, "s", 1, 0);

  expect(await purgeAll()).toBe(2);

  const exported = await f.storage.exportSession(f.accountId, "s");
  expect(exported?.batches.map((b) => b.events.length)).toEqual([4, 1]);
  expect(exported?.session.eventCount).toBe(5);
  expect(await purgeAll()).toBe(0);
});

test("a session left without events is deleted with its feedback; others, and other plans' windows, stay", async () => {
  const starter = await f.addAccount("starter");
  await aged(f.accountId, "old", 1, 100);
  await aged(f.accountId, "recent", 1, 30);
  await aged(starter, "old", 1, 8);
  await aged(starter, "recent", 1, 6);
  await f.storage.addFeedback(f.accountId, "old", { actionTaken: "tooltip", wasHelpful: null, notes: null, createdAt: 0 }, learnPolicy);

  // Two batches with their activity slots, then the two sessions they emptied.
  expect(await purgeAll()).toBe(6);

  expect(await f.storage.findSession(f.accountId, "old")).toBeUndefined();
  expect(await f.storage.findSession(starter, "old")).toBeUndefined();
  expect(await f.storage.moodCounts(f.accountId)).toMatchObject({ totalSessions: 1, feedbackSessions: 0 });
  expect((await f.storage.moodCounts(starter)).totalSessions).toBe(1);
  // A session id purged, not deleted, may start again.
  expect(await aged(f.accountId, "old", 1, 0)).toMatchObject({ kind: "stored", totalEvents: 1 });
});

test("an account keeping fewer days than its plan is purged by its own retention, and by the plan's again after null", async () => {
  await aged(f.accountId, "s", 1, 20);
  await f.storage.updateSettings(f.accountId, { retentionDays: 30 }, learnPolicy);
  expect(await purgeAll()).toBe(0);

  await f.storage.updateSettings(f.accountId, { retentionDays: 10 }, learnPolicy);
  // The batch, its activity slot, and the session it emptied.
  expect(await purgeAll()).toBe(3);
  expect(await f.storage.findSession(f.accountId, "s")).toBeUndefined();
});

test("deletion markers last as long as the longest retention, then a session id may be used again", async () => {
  await aged(f.accountId, "s", 1, 0);
  await f.storage.deleteSession(f.accountId, "s", NOW);
  const longest = Math.max(...Object.values(PLANS).map((plan) => plan.retentionDays)) * DAY_MS;

  expect(await purgeAll(NOW + longest)).toBe(0);
  expect(await aged(f.accountId, "s", 1, 0)).toEqual({ kind: "deleted" });
  expect(await purgeAll(NOW + longest + 1)).toBe(1);
  expect(await aged(f.accountId, "s", 1, 0)).toMatchObject({ kind: "stored" });
});

test("one purge call deletes at most its limit of rows; called until 0 it deletes everything expired", async () => {
  await Promise.all(Array.from({ length: 25 }, (_, i) => aged(f.accountId, `s${i}`, 2, 100)));
  await aged(f.accountId, "live", 1, 1);

  const chunks: number[] = [];
  for (let rows = -1; rows !== 0; ) {
    rows = await f.storage.purgeExpired(NOW, PLANS, 10);
    chunks.push(rows);
  }

  // 25 batches, their 25 activity slots, then 25 sessions.
  expect(chunks).toEqual([10, 10, 10, 10, 10, 10, 10, 5, 0]);
  expect((await f.storage.moodCounts(f.accountId)).totalSessions).toBe(1);
});

test("purgeInChunks yields to the event loop between chunks", async () => {
  await Promise.all(Array.from({ length: 10 }, (_, i) => aged(f.accountId, `s${i}`, 1, 100)));
  let calls = 0;
  const counting = {
    purgeExpired: async (...args: Parameters<typeof f.storage.purgeExpired>) => {
      calls += 1;
      return f.storage.purgeExpired(args[0], args[1], 3);
    },
  };
  const immediates: number[] = [];
  const watch = () => {
    immediates.push(calls);
    if (calls < 11) setImmediate(watch);
  };
  setImmediate(watch);

  // 10 batches, their 10 activity slots and 10 sessions, 3 at a time, and the call that finds none.
  expect(await purgeInChunks(counting, PLANS, NOW)).toBe(30);

  expect(calls).toBe(11);
  // Other work ran between the calls: a callback queued with setImmediate saw them one by one.
  expect(new Set(immediates).size).toBeGreaterThan(4);
});
