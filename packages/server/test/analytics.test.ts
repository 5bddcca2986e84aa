import { afterAll, beforeAll, expect, test } from "vitest";
import { RAGE, startTestServer, type Account, type TestServer } from "./test-server.js";

let server: TestServer;
let shop: Account;
beforeAll(async () => {
  server = await startTestServer();
  shop = await server.signUp();
});
afterAll(() => server.close());

const distribution = async (key: string) => (await server.call("GET", "/v1/analytics/moods", { key })).body;

test("a new account sees all seven moods at zero", async () => {
  const body = await distribution(shop.secret);
  expect(body.total_sessions).toBe(0);
  expect(body.feedback_count).toBe(0);
  expect(body.mood_distribution.map((row: { mood: string }) => row.mood)).toEqual([
    "frustrated", "confused", "decisive", "browsing", "disengaged", "focused", "neutral",
  ]);
  expect(body.mood_distribution.every((row: { count: number; percentage: number }) => row.count === 0 && row.percentage === 0)).toBe(true);
});

test("sessions are counted by current mood, most frequent first, with one-decimal percentages", async () => {
  const post = (id: string, events: unknown[], key = shop.secret) =>
    server.call("POST", `/v1/sessions/${id}/events`, { key, body: { events } });
  await post("a", RAGE);
  await post("b", RAGE);
  await post("c", [{ type: "click" }]);
  await server.call("POST", "/v1/sessions/a/feedback", { key: shop.secret, body: { action_taken: "show_live_chat" } });
  await server.call("POST", "/v1/sessions/a/feedback", { key: shop.secret, body: { action_taken: "show_tooltip" } });
  await server.call("POST", "/v1/sessions/c/feedback", { key: shop.secret, body: { action_taken: "no_action" } });
  const other = await server.signUp({ customer_name: "Other" });
  await post("a", RAGE, other.secret);

  const body = await distribution(shop.secret);
  expect(body.total_sessions).toBe(3);
  expect(body.feedback_count).toBe(2);
  expect(body.mood_distribution).toHaveLength(7);
  expect(body.mood_distribution[0]).toEqual({ mood: "frustrated", count: 2, percentage: 66.7 });
  expect(body.mood_distribution[1]).toEqual({ mood: "neutral", count: 1, percentage: 33.3 });
  const counts = body.mood_distribution.map((row: { count: number }) => row.count);
  expect(counts).toEqual([...counts].sort((a, b) => b - a));

  const theirs = await distribution(other.secret);
  expect(theirs.total_sessions).toBe(1);
  expect(theirs.feedback_count).toBe(0);
});

test("a publishable key may not read analytics: 403", async () => {
  expect((await server.call("GET", "/v1/analytics/moods", { key: shop.publishable })).status).toBe(403);
});
