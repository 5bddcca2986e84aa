import { learnPolicy } from "../../src/learning/learn-policy.js";
import { afterEach, beforeEach, expect, test } from "vitest";
import { LIMITS } from "../../src/limits.js";
import { StorageBusyError, type BatchOutcome } from "../../src/store/storage.js";
import { batch, clicks, openStorage, type StorageFixture } from "./storage-fixture.js";

let f: StorageFixture;
beforeEach(async () => {
  f = await openStorage();
});
afterEach(async () => {
  await f.close();
});

test("batches committed together are all stored, and one that cannot be stored fails alone", async () => {
  // An event JSON cannot hold: storing it throws inside the commit.
  const failing = batch(f.accountId, "b", [{ type: "click", ts: 1, x: 1n as unknown as number }]);
  const outcomes = await Promise.allSettled([
    f.storage.recordBatch(batch(f.accountId, "a", clicks(1))),
    f.storage.recordBatch(failing),
    f.storage.recordBatch(batch(f.accountId, "c", clicks(2))),
  ]);

  expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
  expect((await f.storage.findSession(f.accountId, "a"))?.eventCount).toBe(1);
  expect(await f.storage.findSession(f.accountId, "b")).toBeUndefined();
  expect((await f.storage.findSession(f.accountId, "c"))?.eventCount).toBe(2);
});

test("a stored batch answers the session's total and new state, kept across a restart", async () => {
  await f.storage.recordBatch(batch(f.accountId, "s", clicks(2)));
  const outcome = await f.storage.recordBatch(batch(f.accountId, "s", clicks(3), { receivedAt: 2_000 }));

  expect(outcome).toMatchObject({ kind: "stored", totalEvents: 5 });
  await f.reopen();
  const session = await f.storage.findSession(f.accountId, "s");
  expect(session).toMatchObject({ sessionId: "s", eventCount: 5, updatedAt: 2_000 });
  expect(session?.state).toEqual(outcome.kind === "stored" && outcome.state);
});

test("a repeated batch id is answered as a duplicate and stored once, later or in the same commit", async () => {
  const first = batch(f.accountId, "s", clicks(3), { batchId: "b1" });
  const [stored, sameCommit] = await Promise.all([
    f.storage.recordBatch(first),
    f.storage.recordBatch(batch(f.accountId, "s", clicks(3), { batchId: "b1" })),
  ]);
  const later = await f.storage.recordBatch(batch(f.accountId, "s", clicks(5), { batchId: "b1" }));

  expect(stored).toMatchObject({ kind: "stored", totalEvents: 3 });
  const duplicate = { kind: "duplicate", totalEvents: 3, batchEvents: 3 };
  expect(sameCommit).toMatchObject(duplicate);
  expect(later).toMatchObject(duplicate);
  expect((await f.storage.findSession(f.accountId, "s"))?.eventCount).toBe(3);
  // The same id in another session, or no id at all, is a new batch.
  expect(await f.storage.recordBatch(batch(f.accountId, "t", clicks(1), { batchId: "b1" }))).toMatchObject({
    kind: "stored",
  });
  expect(await f.storage.recordBatch(batch(f.accountId, "s", clicks(1)))).toMatchObject({ totalEvents: 4 });
});

test("a batch that would pass the event cap is refused, and so is every later one, however small", async () => {
  const capped = (sessionId: string, count: number) =>
    f.storage.recordBatch(batch(f.accountId, sessionId, clicks(count), { maxSessionEvents: 10 }));

  expect(await capped("s", 8)).toMatchObject({ kind: "stored", totalEvents: 8 });
  expect(await capped("s", 3)).toMatchObject({ kind: "capped", totalEvents: 8 });
  expect(await capped("s", 1)).toMatchObject({ kind: "capped", totalEvents: 8 });
  await f.reopen();
  expect(await capped("s", 1)).toMatchObject({ kind: "capped", totalEvents: 8 });
  expect((await f.storage.findSession(f.accountId, "s"))?.eventCount).toBe(8);
  // Exactly at the cap is still stored.
  expect(await capped("t", 10)).toMatchObject({ kind: "stored", totalEvents: 10 });
  expect(await capped("u", 11)).toMatchObject({ kind: "capped", totalEvents: 0 });
  expect(await f.storage.findSession(f.accountId, "u")).toBeUndefined();
});

test("new sessions over the month's quota are refused; known sessions and the next month are not", async () => {
  const limited = (sessionId: string, month = "2026-05") =>
    f.storage.recordBatch(batch(f.accountId, sessionId, clicks(1), { newSessionsPerMonth: 2, month }));

  const outcomes = await Promise.all([limited("a"), limited("b"), limited("c")]);

  expect(outcomes.map((outcome) => outcome.kind)).toEqual(["stored", "stored", "quota_exceeded"]);
  expect(await limited("a")).toMatchObject({ kind: "stored", totalEvents: 2 });
  expect(await limited("c", "2026-06")).toMatchObject({ kind: "stored" });
  expect(await f.storage.findSession(f.accountId, "c")).toBeDefined();
});

test("past the bounded queue, recordBatch refuses at once with StorageBusyError, and what was queued is stored", async () => {
  const record = (sessionId: string) =>
    f.storage.recordBatch(batch(f.accountId, sessionId, clicks(1), { newSessionsPerMonth: Infinity }));
  const queued: Promise<BatchOutcome>[] = [];
  for (let i = 0; i < LIMITS.MAX_QUEUED_BATCHES; i++) queued.push(record(`s${i}`));

  await expect(record("one-more")).rejects.toBeInstanceOf(StorageBusyError);
  const outcomes = await Promise.all(queued);
  expect(outcomes.every((outcome) => outcome.kind === "stored")).toBe(true);
  // Once committed, the queue takes batches again.
  expect(await record("one-more")).toMatchObject({ kind: "stored" });
  expect((await f.storage.moodCounts(f.accountId)).totalSessions).toBe(LIMITS.MAX_QUEUED_BATCHES + 1);
});

test("sessions and feedback are counted by mood per account", async () => {
  const other = await f.addAccount();
  await Promise.all([
    f.storage.recordBatch(batch(f.accountId, "a", clicks(1))),
    f.storage.recordBatch(batch(f.accountId, "b", clicks(1))),
    f.storage.recordBatch(batch(other, "a", clicks(1))),
  ]);
  const feedback = { actionTaken: "live_chat", wasHelpful: true, notes: null, createdAt: 1 };
  expect(await f.storage.addFeedback(f.accountId, "a", feedback, learnPolicy)).toEqual({ policy: {} });
  expect(await f.storage.addFeedback(f.accountId, "missing", feedback, learnPolicy)).toBeUndefined();

  const counts = await f.storage.moodCounts(f.accountId);
  expect(counts.totalSessions).toBe(2);
  expect(counts.feedbackSessions).toBe(1);
  expect(Object.values(counts.byMood).reduce((sum, n) => sum + n, 0)).toBe(2);
});
