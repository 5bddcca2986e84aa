import { learnPolicy } from "../../src/learning/learn-policy.js";
import { afterEach, beforeEach, expect, test } from "vitest";
import { batch, clicks, NOW, openStorage, type StorageFixture } from "./storage-fixture.js";

let f: StorageFixture;
beforeEach(async () => {
  f = await openStorage();
});
afterEach(async () => {
  await f.close();
});

const feedback = { actionTaken: "live_chat", wasHelpful: false, notes: "too late", createdAt: NOW + 5 };

test("a deleted session is gone, and a batch queued before the delete does not bring it back", async () => {
  await f.storage.recordBatch(batch(f.accountId, "s", clicks(2)));
  await f.storage.addFeedback(f.accountId, "s", feedback, learnPolicy);

  const queued = f.storage.recordBatch(batch(f.accountId, "s", clicks(1)));
  expect(await f.storage.deleteSession(f.accountId, "s", NOW)).toBe(true);

  expect(await queued).toEqual({ kind: "deleted" });
  expect(await f.storage.findSession(f.accountId, "s")).toBeUndefined();
  expect(await f.storage.exportSession(f.accountId, "s")).toBeUndefined();
  expect(await f.storage.addFeedback(f.accountId, "s", feedback, learnPolicy)).toBeUndefined();
  expect(await f.storage.moodCounts(f.accountId)).toMatchObject({ totalSessions: 0, feedbackSessions: 0 });
  // A late beacon, even after a restart, is refused too.
  await f.reopen();
  expect(await f.storage.recordBatch(batch(f.accountId, "s", clicks(1)))).toEqual({ kind: "deleted" });
  expect(await f.storage.deleteSession(f.accountId, "s", NOW)).toBe(false);
});

test("deleting one account's session leaves the same id of another account alone", async () => {
  const other = await f.addAccount();
  await f.storage.recordBatch(batch(other, "s", clicks(1)));

  expect(await f.storage.deleteSession(f.accountId, "s", NOW)).toBe(false);
  expect(await f.storage.recordBatch(batch(f.accountId, "s", clicks(1)))).toMatchObject({ kind: "stored" });
  expect(await f.storage.deleteSession(f.accountId, "s", NOW)).toBe(true);
  expect(await f.storage.recordBatch(batch(other, "s", clicks(1)))).toMatchObject({ kind: "stored", totalEvents: 2 });
});

test("50 sessions each deleted while a batch for it waits: none comes back", async () => {
  const ids = Array.from({ length: 50 }, (_, i) => `s${i}`);
  await Promise.all(ids.map((id) => f.storage.recordBatch(batch(f.accountId, id, clicks(1)))));

  const pairs = ids.map((id) => [
    f.storage.recordBatch(batch(f.accountId, id, clicks(1))),
    f.storage.deleteSession(f.accountId, id, NOW),
  ]);
  const settled = await Promise.all(pairs.flat());

  expect(settled.filter((outcome) => outcome === true)).toHaveLength(50);
  expect(settled.filter((outcome) => typeof outcome === "object" && outcome.kind === "deleted")).toHaveLength(50);
  for (const id of ids) expect(await f.storage.findSession(f.accountId, id)).toBeUndefined();
  expect((await f.storage.moodCounts(f.accountId)).totalSessions).toBe(0);
});

test("an export holds the session, every batch in order with its id and arrival, and the feedback", async () => {
  const first = clicks(2);
  const second = [{ type: "scroll" as const, ts: NOW / 1000, speed: 900, direction: "down" as const }];
  await f.storage.recordBatch(batch(f.accountId, "s", first, { batchId: "b1", receivedAt: NOW }));
  await f.storage.recordBatch(batch(f.accountId, "s", second, { receivedAt: NOW + 1_000 }));
  await f.storage.addFeedback(f.accountId, "s", feedback, learnPolicy);

  const exported = await f.storage.exportSession(f.accountId, "s");

  expect(exported?.session).toMatchObject({ sessionId: "s", eventCount: 3, createdAt: NOW, updatedAt: NOW + 1_000 });
  expect(exported?.batches).toEqual([
    { batchId: "b1", receivedAt: NOW, events: first },
    { batchId: null, receivedAt: NOW + 1_000, events: second },
  ]);
  expect(exported?.feedback).toEqual([feedback]);
  expect(await f.storage.exportSession(f.accountId, "missing")).toBeUndefined();
});
