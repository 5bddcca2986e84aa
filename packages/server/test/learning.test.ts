import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { importSessions, sessionsAt } from "./insight-fixtures.js";
import { RAGE, startTestServer, type Account, type TestServer } from "./test-server.js";

const NOW_MS = Date.UTC(2026, 10, 20, 12);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ now: () => NOW_MS, rateLimitPerMinute: 0 });
});
afterAll(() => server.close());

/** Frustrated sessions, each given one rated outcome of `action`: `helpful` of them helped. */
async function rate(shop: Account, prefix: string, action: string, count: number, helpful: number): Promise<void> {
  await importSessions(server, shop.secret, sessionsAt(prefix, NOW_MS - 3_600_000, "/checkout", count, count));
  for (let i = 0; i < count; i++) {
    const { status } = await server.call("POST", `/v1/sessions/${prefix}-${i}/feedback`, {
      key: shop.secret,
      body: { action_taken: action, was_helpful: i < helpful },
    });
    expect(status).toBe(200);
  }
}

const rageNow = async (shop: Account, id: string) =>
  (await server.call("POST", `/v1/sessions/${id}/events`, { key: shop.publishable, body: { events: RAGE } })).body;

describe("learned actions", () => {
  test("with clear evidence the frustrated mood's action switches, and every answer says so", async () => {
    const shop = await server.signUp();
    await rate(shop, "chat", "show_live_chat", 30, 6);
    await rate(shop, "tip", "show_tooltip", 30, 27);

    const answer = await rageNow(shop, "fresh");
    expect(answer.mood).toMatchObject({ mood: "frustrated", suggested_action: "show_tooltip", action_source: "learned" });
    expect(answer.policy.frustrated).toBe("show_tooltip");
    expect(answer.policy.confused).toBe("show_tooltip");
    const mood = (await server.call("GET", "/v1/sessions/fresh/mood", { key: shop.secret })).body;
    expect(mood).toMatchObject({ suggested_action: "show_tooltip", action_source: "learned" });

    const actions = (await server.call("GET", "/v1/analytics/actions", { key: shop.secret })).body;
    expect(actions.policy.frustrated).toEqual({ action: "show_tooltip", source: "learned" });
    expect(actions.policy.confused).toEqual({ action: "show_tooltip", source: "default" });
    const tooltip = actions.actions.find((row: { action: string }) => row.action === "show_tooltip");
    expect(tooltip).toMatchObject({ mood: "frustrated", feedback: 30, helpful: 27, helpful_rate: 0.9 });
    expect(tooltip.interval[0]).toBeLessThan(0.9);
    expect(tooltip.interval[1]).toBeGreaterThan(0.9);

    // Switched off, the defaults are back at once.
    await server.call("PATCH", "/v1/settings", { key: shop.secret, body: { learning: { enabled: false } } });
    expect((await rageNow(shop, "after-off")).mood).toMatchObject({ suggested_action: "show_live_chat", action_source: "default" });
  });

  test("five ratings, or a small difference, change nothing", async () => {
    const shop = await server.signUp();
    await rate(shop, "chat", "show_live_chat", 30, 15);
    await rate(shop, "tip", "show_tooltip", 5, 5);
    expect((await rageNow(shop, "a")).policy.frustrated).toBe("show_live_chat");
    await rate(shop, "more-tip", "show_tooltip", 25, 14);
    // 19 of 30 helped against 15 of 30: better, but not clearly.
    expect((await rageNow(shop, "b")).mood).toMatchObject({ suggested_action: "show_live_chat", action_source: "default" });
  });

  test("feedback is recorded with the session's mood at that moment", async () => {
    const shop = await server.signUp();
    await rate(shop, "one", "show_live_chat", 1, 1);
    const actions = (await server.call("GET", "/v1/analytics/actions", { key: shop.secret })).body;
    expect(actions.actions).toEqual([
      { mood: "frustrated", action: "show_live_chat", feedback: 1, helpful: 1, helpful_rate: 1, interval: [0.207, 1] },
    ]);
  });
});
