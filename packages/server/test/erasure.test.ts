import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { connect } from "node:net";
import { BROWSER_USER_AGENT, RAGE, startTestServer, until, type Account, type TestServer } from "./test-server.js";

let server: TestServer;
let account: Account;
beforeAll(async () => {
  server = await startTestServer({ rateLimitPerMinute: 0 });
  account = await server.signUp();
});
afterAll(() => server.close());

const post = (sessionId: string, body: unknown, key = account.publishable) =>
  server.call("POST", `/v1/sessions/${encodeURIComponent(sessionId)}/events`, { key, body });
const erase = (sessionId: string) =>
  server.call("DELETE", `/v1/sessions/${encodeURIComponent(sessionId)}`, { key: account.secret });

describe("erasing a session", () => {
  test("after DELETE answers 200 the session never comes back: 50 concurrent POST + DELETE pairs", async () => {
    const ids = Array.from({ length: 50 }, (_, i) => `race-${i}`);
    await Promise.all(ids.map((id) => post(id, { events: RAGE })));
    const answers = await Promise.all(
      ids.map(async (id) => {
        const [posted, deleted] = await Promise.all([post(id, { events: RAGE }), erase(id)]);
        return { id, posted: posted.status, deleted: deleted.status };
      }),
    );
    expect(answers.every((answer) => answer.deleted === 200)).toBe(true);
    expect(answers.every((answer) => [200, 410].includes(answer.posted))).toBe(true);
    // A late beacon carrying earlier events.
    await Promise.all(ids.map((id) => post(id, { events: [{ type: "click", ts: 1_700_000_000 }] })));

    const resurrected = server.query("SELECT session_id FROM sessions WHERE session_id LIKE 'race-%'");
    expect(resurrected).toEqual([]);
    const orphans = server.query(
      `SELECT 'event' FROM event_batches WHERE session_pk NOT IN (SELECT pk FROM sessions)
       UNION ALL SELECT 'feedback' FROM feedback WHERE session_pk NOT IN (SELECT pk FROM sessions)`,
    );
    expect(orphans).toEqual([]);
  });

  test("a batch for a deleted session is refused with 410 and stores nothing, nor uses a quota slot", async () => {
    await post("gone", { events: RAGE });
    expect((await erase("gone")).status).toBe(200);
    const usedBefore = server.query("SELECT new_sessions FROM monthly_usage");
    const { status, body } = await post("gone", { events: RAGE });
    expect(status).toBe(410);
    expect(body).toMatchObject({ error: "Session deleted", session_id: "gone" });
    expect((await server.call("GET", "/v1/sessions/gone/mood", { key: account.secret })).status).toBe(404);
    expect(server.query("SELECT new_sessions FROM monthly_usage")).toEqual(usedBefore);
  });
});

describe("a visitor's data export", () => {
  test("returns every stored event, the mood and the feedback of the session as JSON", async () => {
    await post("exported", { events: [{ type: "page_view", url: "/checkout", ts: 1_778_000_000 }] });
    await post("exported", { events: RAGE });
    await server.call("POST", "/v1/sessions/exported/feedback", {
      key: account.secret,
      body: { action_taken: "show_live_chat", was_helpful: true, notes: "chat solved it" },
    });
    const { status, body } = await server.call("GET", "/v1/sessions/exported/export", { key: account.secret });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      session_id: "exported",
      event_count: 5,
      mood: { mood: "frustrated", suggested_action: expect.any(String) },
      feedback: [{ action_taken: "show_live_chat", was_helpful: true, notes: "chat solved it", created_at: expect.any(String) }],
    });
    expect(body.events).toHaveLength(5);
    expect(body.events[0]).toEqual({ type: "page_view", url: "/checkout", ts: 1_778_000_000, received_at: expect.any(String) });
    expect(body.events.slice(1).map((event: { type: string }) => event.type)).toEqual(RAGE.map((event) => event.type));
    // Its mood history is part of what is stored about it.
    expect(body.timeline.at(-1)).toMatchObject({ to: "frustrated", page: "/checkout" });
  });

  test("needs the secret key, and another account's session is not found", async () => {
    expect((await server.call("GET", "/v1/sessions/exported/export", { key: account.publishable })).status).toBe(403);
    const other = await server.signUp();
    expect((await server.call("GET", "/v1/sessions/exported/export", { key: other.secret })).status).toBe(404);
  });
});

describe("repeated batches", () => {
  test("a batch sent again with the same batch_id is answered the same and stored once", async () => {
    const batch = { events: RAGE, batch_id: "b-1" };
    const first = await post("retried", batch);
    const again = await post("retried", batch);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const rows = server.query("SELECT * FROM event_batches JOIN sessions ON pk = session_pk WHERE session_id = 'retried'");
    expect(rows).toHaveLength(1);
  });

  test("the answer lost after the commit: the client resends, the batch is stored once", async () => {
    const body = JSON.stringify({ events: RAGE, batch_id: "lost-answer" });
    const storedRows = () => server.query("SELECT 1 FROM event_batches JOIN sessions ON pk = session_pk WHERE session_id = 'lost'");
    // The batch is committed, then the connection drops before the client reads the answer.
    const socket = connect(server.port, "127.0.0.1");
    socket.on("error", () => {});
    socket.write(
      `POST /v1/sessions/lost/events?key=${account.publishable} HTTP/1.1\r\nHost: x\r\nUser-Agent: ${BROWSER_USER_AGENT}\r\n` +
        `Content-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
    await until(() => storedRows().length === 1);
    socket.destroy();
    const resent = await post("lost", JSON.parse(body));
    expect(resent.status).toBe(200);
    expect(resent.body).toMatchObject({ events_stored: 4, total_events: 4 });
    expect(storedRows()).toHaveLength(1);
  });

  test.each([
    ["empty", ""],
    ["too long", "x".repeat(65)],
    ["not a string", 42],
  ])("a batch_id that is %s: 400", async (_, batchId) => {
    const { status, body } = await post("bad-id", { events: RAGE, batch_id: batchId });
    expect(status).toBe(400);
    expect(body.field).toBe("batch_id");
  });
});
