import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { RAGE, startTestServer, type Account, type TestServer } from "./test-server.js";

const NOW_MS = Date.UTC(2026, 4, 4, 10, 0, 0);

let server: TestServer;
let account: Account;
beforeAll(async () => {
  server = await startTestServer({ now: () => NOW_MS });
  account = await server.signUp();
});
afterAll(() => server.close());

const post = (sessionId: string, body: unknown, key = account.secret) =>
  server.call("POST", `/v1/sessions/${sessionId}/events`, { key, body });
const eventCount = (sessionId: string) =>
  server.query<{ n: number }>(
    `SELECT coalesce(sum(json_array_length(events)), 0) AS n
     FROM event_batches JOIN sessions ON pk = session_pk WHERE session_id = ?`,
    sessionId,
  )[0]!.n;

describe("storing events", () => {
  test("a batch is stored and scored, and counts add up over batches", async () => {
    const first = await post("checkout-1", { events: RAGE });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      session_id: "checkout-1",
      events_stored: 4,
      total_events: 4,
      current_mood: "frustrated",
      mood: {
        mood: "frustrated",
        confidence: expect.any(Number),
        signals: expect.arrayContaining(["rage_click_detected"]),
        suggested_action: "show_live_chat",
        action_source: "default",
      },
      policy: {
        frustrated: "show_live_chat",
        confused: "show_tooltip",
        decisive: "no_action",
        browsing: "no_action",
        disengaged: "show_exit_offer",
        focused: "no_action",
        neutral: "no_action",
      },
    });
    const second = await post("checkout-1", { events: [{ type: "rage_click" }] });
    expect(second.body).toMatchObject({ events_stored: 1, total_events: 5 });
    expect(eventCount("checkout-1")).toBe(5);
  });

  test("a secret key works as a Bearer token too", async () => {
    const { status } = await server.call("POST", "/v1/sessions/bearer/events", {
      headers: { authorization: `Bearer ${account.secret}` },
      body: { events: [{ type: "click" }] },
    });
    expect(status).toBe(200);
  });

  test("a publishable key may post events in a header", async () => {
    const { status } = await post("with-pk", { events: [{ type: "click" }] }, account.publishable);
    expect(status).toBe(200);
  });

  test("sendBeacon's form works: publishable key in the query, JSON in a text/plain body", async () => {
    const { status, body } = await server.call("POST", `/v1/sessions/beacon/events?key=${account.publishable}`, {
      raw: JSON.stringify({ events: [{ type: "page_view", url: "/pricing" }] }),
      headers: { "content-type": "text/plain;charset=UTF-8" },
    });
    expect(status).toBe(200);
    expect(body.total_events).toBe(1);
  });

  test("unknown extra fields are dropped and a missing ts becomes the time of receipt", async () => {
    await post("extra-fields", {
      events: [
        { type: "click", x: 5, y: 6, password: "hunter2", url: "/not-for-clicks" },
        { type: "scroll", speed: 300, direction: "down", ts: 1746352800.5 },
      ],
    });
    const rows = server.query<{ events: string }>(
      "SELECT events FROM event_batches JOIN sessions ON pk = session_pk WHERE session_id = ?",
      "extra-fields",
    );
    expect(rows.map((row) => JSON.parse(row.events))).toEqual([
      [
        { type: "click", x: 5, y: 6, ts: NOW_MS / 1000 },
        { type: "scroll", speed: 300, direction: "down", ts: 1746352800.5 },
      ],
    ]);
  });

  test("session ids are opaque: URL-encoded slashes, spaces and unicode, up to 256 characters", async () => {
    for (const id of ["a/b c", "ünïcødé-😀", "x".repeat(256), "😀".repeat(256)]) {
      const { status, body } = await post(encodeURIComponent(id), { events: [{ type: "click" }] });
      expect(status).toBe(200);
      expect(body.session_id).toBe(id);
    }
  });
});

describe("refusing a batch", () => {
  test.each([
    ["no events field", {}, { error: "Missing or empty events array", field: "events" }],
    ["an empty events array", { events: [] }, { error: "Missing or empty events array", field: "events" }],
    ["events that are not an array", { events: { type: "click" } }, { field: "events" }],
    ["a body that is not an object", [{ type: "click" }], { field: "events" }],
    ["too many events", { events: Array(201).fill({ type: "click" }) }, { error: "Too many events", limit: 200 }],
    ["an event that is not an object", { events: ["click"] }, { error: "Invalid field", field: "events[0]" }],
    ["an event without a type", { events: [{ x: 1 }] }, { error: "Missing required field", field: "events[0].type" }],
    ["a type that is not a string", { events: [{ type: 7 }] }, { error: "Invalid field", field: "events[0].type" }],
  ])("%s: 400", async (_, body, expected) => {
    const answer = await post("refused", body);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject(expected);
  });

  test("unknown event types are all named, with the valid types", async () => {
    const { status, body } = await post("refused", {
      events: [{ type: "page_visit" }, { type: "click" }, { type: "tap" }, { type: "page_visit" }],
    });
    expect(status).toBe(400);
    expect(body).toEqual({
      error: "Invalid event type(s)",
      invalid: ["page_visit", "tap"],
      valid_types: [
        "click", "rage_click", "scroll", "input_pause", "backtrack", "back_nav",
        "page_view", "error", "idle", "hover", "focus", "blur",
      ],
    });
  });

  test.each([
    ["x", { type: "click", x: -1 }],
    ["y", { type: "rage_click", y: "12" }],
    ["dead", { type: "click", dead: "yes" }],
    ["speed", { type: "scroll", speed: -5 }],
    ["direction", { type: "scroll", direction: "sideways" }],
    ["duration_ms", { type: "idle", duration_ms: -1 }],
    ["duration_ms", { type: "hover", duration_ms: null }],
    ["message", { type: "error", message: "m".repeat(513) }],
    ["url", { type: "page_view", url: "u".repeat(2049) }],
    ["ts", { type: "focus", ts: -1 }],
    ["ts", { type: "focus", ts: 1746352800000 }],
    ["ts", { type: "focus", ts: "now" }],
  ])("a wrong %s is named: 400", async (field, event) => {
    const { status, body } = await post("refused", { events: [{ type: "click" }, event] });
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: "Invalid field", field: `events[1].${field}` });
  });

  test("a number too large for a double (1e999) is refused, not stored as Infinity", async () => {
    const { status, body } = await server.call("POST", "/v1/sessions/refused/events", {
      key: account.secret,
      raw: '{"events":[{"type":"scroll","speed":1e999}]}',
      headers: { "content-type": "application/json" },
    });
    expect(status).toBe(400);
    expect(body.field).toBe("events[0].speed");
  });

  test("a batch with one bad event stores none of it", async () => {
    await post("all-or-nothing", { events: [{ type: "click" }] });
    const { status } = await post("all-or-nothing", { events: [{ type: "click" }, { type: "click", x: -1 }] });
    expect(status).toBe(400);
    expect(eventCount("all-or-nothing")).toBe(1);
    expect(server.query("SELECT * FROM sessions WHERE session_id = 'refused'")).toEqual([]);
  });

  test("a session id over 256 characters: 400", async () => {
    const { status, body } = await post("x".repeat(257), { events: [{ type: "click" }] });
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: "Invalid field", field: "session_id" });
  });

  test("a session id with broken percent-encoding: 400", async () => {
    const { status, body } = await post("%E0%A4%A", { events: [{ type: "click" }] });
    expect(status).toBe(400);
    expect(body.error).toBe("Bad Request");
  });

  test("malformed JSON: 400", async () => {
    const { status, body } = await server.call("POST", "/v1/sessions/refused/events", {
      key: account.secret,
      raw: '{"events": [',
      headers: { "content-type": "application/json" },
    });
    expect(status).toBe(400);
    expect(body.error).toBe("Invalid JSON");
  });

  test.each([
    ["no content type", {}],
    ["a form body", { "content-type": "application/x-www-form-urlencoded" }],
    ["a charset other than UTF-8", { "content-type": "application/json; charset=latin1" }],
    ["a compressed body", { "content-type": "application/json", "content-encoding": "gzip" }],
  ])("%s: 415", async (_, headers) => {
    const { status, body } = await server.call("POST", "/v1/sessions/refused/events", {
      key: account.secret,
      raw: JSON.stringify({ events: [{ type: "click" }] }),
      headers,
    });
    expect(status).toBe(415);
    expect(body.error).toBe("Unsupported Media Type");
  });

  test("a body over 64 KiB, the browsers' beacon limit: 413", async () => {
    const events = Array(200).fill({ type: "error", message: "m".repeat(340) });
    const { status, body } = await post("refused", { events });
    expect(status).toBe(413);
    expect(body).toMatchObject({ error: "Payload Too Large", limit: 64 * 1024 });
  });

  test("a chunked body over the limit without a length is cut off with 413", async () => {
    const chunk = new TextEncoder().encode(" ".repeat(64 * 1024));
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 2; i++) controller.enqueue(chunk);
        controller.close();
      },
    });
    const response = await fetch(`${server.url}/v1/sessions/refused/events`, {
      method: "POST",
      headers: { "x-api-key": account.secret, "content-type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
  });
});

describe("keys on the events endpoint", () => {
  test.each([
    ["no key", {}],
    ["an unknown key", { "x-api-key": "sm_000000000000000000000000000000000000000000000000" }],
    ["a malformed Authorization header", { authorization: "Basic dXNlcjpwYXNz" }],
  ])("%s: 401", async (_, headers) => {
    const { status, body } = await server.call("POST", "/v1/sessions/k/events", {
      headers,
      body: { events: [{ type: "click" }] },
    });
    expect(status).toBe(401);
    expect(body).toEqual({ error: "Unauthorized", message: "Missing or invalid API key" });
  });

  test("a secret key in the query string is refused, saying why", async () => {
    const { status, body } = await server.call("POST", `/v1/sessions/k/events?key=${account.secret}`, {
      body: { events: [{ type: "click" }] },
    });
    expect(status).toBe(401);
    expect(body.message).toMatch(/query string/);
    expect(server.query("SELECT * FROM sessions WHERE session_id = 'k'")).toEqual([]);
  });
});
