import { afterAll, beforeAll, expect, test } from "vitest";
import { PLANS } from "../src/plans.js";
import { startTestServer, type Account, type TestServer } from "./test-server.js";

let now = Date.UTC(2026, 4, 31, 23, 0, 0);
let server: TestServer;
let shop: Account;
beforeAll(async () => {
  server = await startTestServer({
    now: () => now,
    plans: { ...PLANS, starter: { sessionsPerMonth: 2, retentionDays: 7 } },
  });
  shop = await server.signUp();
});
afterAll(() => server.close());

const post = (id: string) =>
  server.call("POST", `/v1/sessions/${id}/events`, { key: shop.publishable, body: { events: [{ type: "click" }] } });

test("past the plan's new sessions for the month, a new session gets 429 with plan, limit and reset time", async () => {
  expect((await post("one")).status).toBe(200);
  expect((await post("two")).status).toBe(200);
  const { status, body } = await post("three");
  expect(status).toBe(429);
  expect(body).toEqual({
    error: "Rate limit exceeded",
    message: expect.any(String),
    plan: "starter",
    limit: 2,
    reset_at: "2026-06-01T00:00:00.000Z",
  });
  expect(server.query("SELECT * FROM sessions WHERE session_id = 'three'")).toEqual([]);
});

test("sessions already open this month keep working past the quota", async () => {
  const { status, body } = await post("one");
  expect(status).toBe(200);
  expect(body.total_events).toBe(2);
});

test("deleting a session does not give its quota back", async () => {
  await server.call("DELETE", "/v1/sessions/two", { key: shop.secret });
  expect((await post("four")).status).toBe(429);
});

test("the quota starts again with the next calendar month (UTC)", async () => {
  now = Date.UTC(2026, 5, 1, 0, 0, 0);
  expect((await post("three")).status).toBe(200);
  expect((await post("four")).status).toBe(200);
  expect((await post("five")).status).toBe(429);
  expect((await post("one")).status).toBe(200);
});

test("other accounts have their own quota", async () => {
  const other = await server.signUp({ customer_name: "Other" });
  const { status } = await server.call("POST", "/v1/sessions/five/events", {
    key: other.secret,
    body: { events: [{ type: "click" }] },
  });
  expect(status).toBe(200);
});
