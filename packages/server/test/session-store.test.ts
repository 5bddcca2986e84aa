import { join } from "node:path";
import { createMoodState, moodOf, scoreEvents, type MoodEvent } from "@sessionmood/engine";
import { afterEach, beforeEach, expect, test } from "vitest";
import type { EventBatch } from "../src/store/session-store.js";
import { SqliteSessionStore } from "../src/store/sqlite-session-store.js";
import { temporaryDirectory } from "./test-server.js";

let dir: ReturnType<typeof temporaryDirectory>;
let store: SqliteSessionStore;
let accountId: number;

beforeEach(() => {
  dir = temporaryDirectory();
  store = new SqliteSessionStore({ path: join(dir.path, "store.db"), synchronous: "NORMAL" });
  const account = { name: "Acme", email: null, plan: "pro" as const, allowedOrigins: null, createdAt: 0 };
  accountId = store.createAccount(account, { secret: Buffer.from("s"), publishable: Buffer.from("p") }).id;
});
afterEach(async () => {
  await store.close();
  dir.remove();
});

function batch(sessionId: string, events: MoodEvent[], fails = false): EventBatch {
  return {
    accountId,
    sessionId,
    events,
    receivedAt: 1_700_000_000_000,
    month: "2023-11",
    newSessionsPerMonth: 100,
    score(previous) {
      if (fails) throw new Error("cannot score");
      const state = scoreEvents(previous ?? createMoodState(), events);
      return { state, mood: moodOf(state) };
    },
  };
}

test("batches committed together are all stored, and one that cannot be stored fails alone", async () => {
  const click: MoodEvent[] = [{ type: "click", ts: 1 }];
  const outcomes = await Promise.allSettled([
    store.recordBatch(batch("a", click)),
    store.recordBatch(batch("b", click, true)),
    store.recordBatch(batch("c", [...click, ...click])),
  ]);

  expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
  expect(store.findSession(accountId, "a")?.eventCount).toBe(1);
  expect(store.findSession(accountId, "b")).toBeUndefined();
  expect(store.findSession(accountId, "c")?.eventCount).toBe(2);
});
