import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { RAGE, startTestServer, type Account, type TestServer } from "./test-server.js";

const NOW_MS = Date.UTC(2026, 4, 4, 10, 0, 0);

let server: TestServer;
let shop: Account;
let other: Account;
beforeAll(async () => {
  server = await startTestServer({ now: () => NOW_MS });
  shop = await server.signUp({ customer_name: "Shop" });
  other = await server.signUp({ customer_name: "Other" });
});
afterAll(() => server.close());

const postEvents = (sessionId: string, events: unknown[], key = shop.secret) =>
  server.call("POST", `/v1/sessions/${sessionId}/events`, { key, body: { events } });

describe("reading a session's mood", () => {
  test("the mood, confidence, signals and suggested action of the stored events", async () => {
    await postEvents("mood-1", RAGE);
    const { status, body } = await server.call("GET", "/v1/sessions/mood-1/mood", { key: shop.secret });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      session_id: "mood-1",
      mood: "frustrated",
      suggested_action: "show_live_chat",
      event_count: 4,
      updated_at: new Date(NOW_MS).toISOString(),
    });
    expect(body.confidence).toBeGreaterThan(0);
    expect(body.confidence).toBeLessThanOrEqual(1);
    expect(body.signals).toContain("rage_click_detected");
  });

  test("a session without events: 404 naming it", async () => {
    const { status, body } = await server.call("GET", "/v1/sessions/never-seen/mood", { key: shop.secret });
    expect(status).toBe(404);
    expect(body).toEqual({ error: "Session not found", session_id: "never-seen" });
  });

  test("a publishable key may not read moods: 403", async () => {
    const { status, body } = await server.call("GET", "/v1/sessions/mood-1/mood", { key: shop.publishable });
    expect(status).toBe(403);
    expect(body.error).toBe("Forbidden");
    expect(body.message).toEqual(expect.any(String));
  });

  test("no key: 401", async () => {
    const { status, body } = await server.call("GET", "/v1/sessions/mood-1/mood");
    expect(status).toBe(401);
    expect(body).toEqual({ error: "Unauthorized", message: "Missing or invalid API key" });
  });
});

describe("feedback", () => {
  test("is recorded for a session", async () => {
    await postEvents("fb-1", RAGE);
    const { status, body } = await server.call("POST", "/v1/sessions/fb-1/feedback", {
      key: shop.secret,
      body: { action_taken: "show_live_chat", was_helpful: true, notes: "Started a chat at once" },
    });
    expect(status).toBe(200);
    expect(body).toEqual({ session_id: "fb-1", feedback_recorded: true });
    expect(server.query("SELECT action_taken, was_helpful, notes FROM feedback")).toContainEqual({
      action_taken: "show_live_chat",
      was_helpful: 1,
      notes: "Started a chat at once",
    });
  });

  test.each([
    [{}, { error: "Missing required field", field: "action_taken" }],
    [{ action_taken: "" }, { error: "Invalid field", field: "action_taken" }],
    [{ action_taken: "a".repeat(129) }, { error: "Invalid field", field: "action_taken" }],
    [{ action_taken: "x", was_helpful: "yes" }, { error: "Invalid field", field: "was_helpful" }],
    [{ action_taken: "x", notes: "n".repeat(513) }, { error: "Invalid field", field: "notes" }],
  ])("%j: 400", async (request, expected) => {
    const { status, body } = await server.call("POST", "/v1/sessions/fb-1/feedback", {
      key: shop.secret,
      body: request,
    });
    expect(status).toBe(400);
    expect(body).toMatchObject(expected);
  });

  test("for a session without events: 404", async () => {
    const { status, body } = await server.call("POST", "/v1/sessions/nobody/feedback", {
      key: shop.secret,
      body: { action_taken: "no_action" },
    });
    expect(status).toBe(404);
    expect(body).toEqual({ error: "Session not found", session_id: "nobody" });
  });

  test("with a publishable key: 403", async () => {
    const { status } = await server.call("POST", "/v1/sessions/fb-1/feedback", {
      key: shop.publishable,
      body: { action_taken: "no_action" },
    });
    expect(status).toBe(403);
  });
});

describe("deleting a session", () => {
  test("erases its events, mood and feedback; afterwards it is not found", async () => {
    await postEvents("gdpr", RAGE);
    await server.call("POST", "/v1/sessions/gdpr/feedback", { key: shop.secret, body: { action_taken: "x" } });
    const pk = server.query<{ pk: number }>("SELECT pk FROM sessions WHERE session_id = 'gdpr'")[0]!.pk;

    const { status, body } = await server.call("DELETE", "/v1/sessions/gdpr", { key: shop.secret });
    expect(status).toBe(200);
    expect(body).toMatchObject({ session_id: "gdpr", deleted: true, message: expect.any(String) });

    expect(server.query("SELECT * FROM sessions WHERE pk = ?", pk)).toEqual([]);
    expect(server.query("SELECT * FROM event_batches WHERE session_pk = ?", pk)).toEqual([]);
    expect(server.query("SELECT * FROM feedback WHERE session_pk = ?", pk)).toEqual([]);
    expect((await server.call("GET", "/v1/sessions/gdpr/mood", { key: shop.secret })).status).toBe(404);
    expect((await server.call("DELETE", "/v1/sessions/gdpr", { key: shop.secret })).body).toEqual({
      error: "Session not found",
      session_id: "gdpr",
    });
  });

  test("with a publishable key: 403, and nothing is deleted", async () => {
    await postEvents("kept", RAGE);
    const { status } = await server.call("DELETE", "/v1/sessions/kept", { key: shop.publishable });
    expect(status).toBe(403);
    expect((await server.call("GET", "/v1/sessions/kept/mood", { key: shop.secret })).status).toBe(200);
  });
});

describe("accounts are walls", () => {
  test("the same session id under two accounts is two sessions", async () => {
    await postEvents("shared-id", RAGE, shop.secret);
    await postEvents("shared-id", [{ type: "page_view" }], other.publishable);
    const mine = await server.call("GET", "/v1/sessions/shared-id/mood", { key: shop.secret });
    const theirs = await server.call("GET", "/v1/sessions/shared-id/mood", { key: other.secret });
    expect(mine.body.event_count).toBe(4);
    expect(theirs.body.event_count).toBe(1);
  });

  test("another account can neither read, give feedback on, nor delete a session", async () => {
    await postEvents("private", RAGE, shop.secret);
    const asOther = { key: other.secret };
    expect((await server.call("GET", "/v1/sessions/private/mood", asOther)).status).toBe(404);
    expect(
      (await server.call("POST", "/v1/sessions/private/feedback", { ...asOther, body: { action_taken: "x" } })).status,
    ).toBe(404);
    expect((await server.call("DELETE", "/v1/sessions/private", asOther)).status).toBe(404);
    expect((await server.call("GET", "/v1/sessions/private/mood", { key: shop.secret })).body.event_count).toBe(4);
  });
});
