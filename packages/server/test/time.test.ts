import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestServer, type Account, type TestServer } from "./test-server.js";

const NOW_MS = Date.UTC(2026, 4, 4, 10, 0, 0);
const NOW_S = NOW_MS / 1000;

let server: TestServer;
let account: Account;
beforeAll(async () => {
  server = await startTestServer({ now: () => NOW_MS });
  account = await server.signUp();
});
afterAll(() => server.close());

const post = (sessionId: string, events: unknown[]) =>
  server.call("POST", `/v1/sessions/${sessionId}/events`, { key: account.secret, body: { events } });
const storedTimes = (sessionId: string): number[] =>
  server
    .query<{ events: string }>("SELECT events FROM event_batches JOIN sessions ON pk = session_pk WHERE session_id = ?", sessionId)
    .flatMap((row) => (JSON.parse(row.events) as { ts: number }[]).map((event) => event.ts));

test("a batch from a clock far in the future is moved back as a whole: no event lies ahead, spacing is kept", async () => {
  const year = 365 * 24 * 3600;
  await post("fast-clock", [
    { type: "page_view", ts: NOW_S + year },
    { type: "click", ts: NOW_S + year + 2 },
    { type: "scroll", ts: NOW_S + year + 5, speed: 300 },
  ]);
  const times = storedTimes("fast-clock");
  expect(Math.max(...times)).toBeLessThanOrEqual(NOW_S);
  expect(times.map((t) => t - times[0]!)).toEqual([0, 2, 5]);
});

test("a session is not frozen by one far-future event: rage clicks after it still read as frustration", async () => {
  await post("frozen", [{ type: "click", ts: NOW_S + 10 * 365 * 24 * 3600 }]);
  await post("frozen", [
    { type: "rage_click", ts: NOW_S + 1 },
    { type: "error", ts: NOW_S + 2 },
    { type: "rage_click", ts: NOW_S + 3 },
    { type: "error", ts: NOW_S + 4 },
  ]);
  const { body } = await server.call("GET", "/v1/sessions/frozen/mood", { key: account.secret });
  expect(body.mood).toBe("frustrated");
});

test("a clock a little fast (within 5 minutes) is left alone", async () => {
  await post("slightly-fast", [{ type: "click", ts: NOW_S + 120 }]);
  expect(storedTimes("slightly-fast")).toEqual([NOW_S + 120]);
});

test("analytics place a batch at its events' time within retention, and at receipt otherwise", async () => {
  const day = 24 * 3600;
  await post("imported", [{ type: "click", ts: NOW_S - 3 * day }]);
  await post("ancient", [{ type: "click", ts: NOW_S - 30 * day }]);
  const spans = server.query<{ session_id: string; first_at: number; last_at: number }>(
    "SELECT session_id, first_at, last_at FROM event_batches JOIN sessions ON pk = session_pk WHERE session_id IN ('imported', 'ancient') ORDER BY session_id",
  );
  expect(spans).toEqual([
    { session_id: "ancient", first_at: NOW_MS, last_at: NOW_MS },
    { session_id: "imported", first_at: NOW_MS - 3 * day * 1000, last_at: NOW_MS - 3 * day * 1000 },
  ]);
});
