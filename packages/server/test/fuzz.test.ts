import { connect } from "node:net";
import fc from "fast-check";
import { afterAll, beforeAll, expect, test } from "vitest";
import { RAGE, startTestServer, type Account, type TestServer } from "./test-server.js";

let server: TestServer;
let account: Account;
let before: unknown;
beforeAll(async () => {
  server = await startTestServer({ rateLimitPerMinute: 0 });
  account = await server.signUp();
  await server.call("POST", "/v1/sessions/seed/events", { key: account.secret, body: { events: RAGE } });
  await server.call("POST", "/v1/sessions/seed/feedback", { key: account.secret, body: { action_taken: "x" } });
  before = storedData();
});
afterAll(async () => {
  // Nothing the fuzzing sent may have changed what is stored, and the server still answers.
  expect(storedData()).toEqual(before);
  expect((await server.call("GET", "/health")).body.status).toBe("ok");
  await server.close();
});

function storedData() {
  return {
    sessions: server.query("SELECT account_id, session_id, event_count, mood, state FROM sessions ORDER BY pk"),
    batches: server.query("SELECT session_pk, first_seq, events FROM event_batches ORDER BY id"),
    feedback: server.query("SELECT * FROM feedback ORDER BY id"),
    usage: server.query("SELECT * FROM monthly_usage"),
  };
}

const RUNS = { numRuns: 150, seed: 20260504 };

/** An event that makes any batch holding it invalid. */
const poisonEvent = fc.oneof(
  fc.record({ type: fc.string().filter((type) => !/^[a-z_]+$/.test(type)) }),
  fc.record({ type: fc.constant("click"), x: fc.oneof(fc.integer({ max: -1 }), fc.string(), fc.constant(null)) }),
  fc.record({ type: fc.constant("error"), message: fc.string({ minLength: 513, maxLength: 600 }) }),
  fc.record({ type: fc.constant("scroll"), direction: fc.string().filter((d) => d !== "up" && d !== "down") }),
  fc.record({ type: fc.constant("idle"), duration_ms: fc.oneof(fc.boolean(), fc.object(), fc.double({ max: -0.001 })) }),
  fc.jsonValue().filter((value) => typeof value !== "object" || value === null || Array.isArray(value)),
);
const anyEvent = fc.oneof(fc.record({ type: fc.constant("click"), x: fc.nat() }), fc.jsonValue(), poisonEvent);

/** Bodies the events endpoint must refuse: a poisoned batch, or anything that is not a batch. */
const badEventsBody = fc.oneof(
  fc.tuple(fc.array(anyEvent, { maxLength: 8 }), poisonEvent, fc.array(anyEvent, { maxLength: 8 })).map(
    ([head, poison, tail]) => JSON.stringify({ events: [...head, poison, ...tail] }),
  ),
  fc.string({ unit: "binary" }),
  fc.jsonValue().map((value) => JSON.stringify(value)).filter((text) => !text.includes('"events"')),
  fc.jsonValue().map((value) => JSON.stringify(value).slice(0, -1)),
);

const contentType = fc.oneof(
  fc.constantFrom("application/json", "text/plain", "text/plain;charset=UTF-8", "application/json; charset=utf-16"),
  fc.string().filter((value) => /^[\x20-\x7e]*$/.test(value)),
);

async function expectClientAnswer(response: Response): Promise<void> {
  expect(response.status).toBeLessThan(500);
  const text = await response.text();
  if (response.status >= 400 && response.headers.get("content-type")?.includes("json")) {
    expect(JSON.parse(text)).toHaveProperty("error");
  }
}

test("malformed event bodies under any content type get a 4xx and store nothing", async () => {
  await fc.assert(
    fc.asyncProperty(badEventsBody, contentType, fc.boolean(), async (body, type, beacon) => {
      const path = beacon ? `/v1/sessions/fuzz/events?key=${account.publishable}` : "/v1/sessions/fuzz/events";
      const response = await fetch(server.url + path, {
        method: "POST",
        headers: { "content-type": type, ...(beacon ? {} : { "x-api-key": account.secret }) },
        body: new TextEncoder().encode(body),
      });
      await expectClientAnswer(response);
    }),
    RUNS,
  );
});

test("odd keys and headers on every endpoint get a 4xx", async () => {
  const printable = fc.string({ maxLength: 80 }).filter((value) => /^[\x21-\x7e]*$/.test(value));
  const endpoint = fc.constantFrom(
    ["POST", "/v1/sessions/seed/events"],
    ["GET", "/v1/sessions/seed/mood"],
    ["POST", "/v1/sessions/seed/feedback"],
    ["DELETE", "/v1/sessions/seed"],
    ["GET", "/v1/analytics/moods"],
  );
  const key = fc.oneof(printable, printable.map((value) => `sm_${value}`), printable.map((value) => `pk_${value}`));
  const authorization = fc.oneof(printable, key.map((value) => `Bearer ${value}`));
  await fc.assert(
    fc.asyncProperty(endpoint, fc.option(key), fc.option(authorization), contentType, async ([method, path], apiKey, auth, type) => {
      const headers: Record<string, string> = { "content-type": type };
      if (apiKey !== null) headers["x-api-key"] = apiKey;
      if (auth !== null) headers.authorization = auth;
      const body = method === "POST" || method === "DELETE" ? new TextEncoder().encode('{"events":[{"type":"click"}]}') : undefined;
      await expectClientAnswer(await fetch(server.url + path, { method, headers, body }));
    }),
    RUNS,
  );
});

test("odd paths and methods, with a valid key and a refusable body, get a 4xx", async () => {
  const piece = fc.constantFrom(
    "%", "%E0", "%E0%A4%A", "%ZZ", "%00", "%2F", "%25", "..", "/", "//", "a", "😀", "v1", "sessions", "events",
    "mood", "feedback", "analytics", "moods", "keys", "generate", "health", "sdk", "?key=", "?key=sm_1", ";", " ",
  );
  const path = fc.array(piece, { maxLength: 10 }).map((pieces) => "/" + pieces.join(""));
  const method = fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD");
  await fc.assert(
    fc.asyncProperty(method, path, badEventsBody, async (verb, target, body) => {
      const hasBody = verb !== "GET" && verb !== "HEAD";
      const response = await fetch(server.url + encodeURI(target).replace(/%25/g, "%"), {
        method: verb,
        headers: { "x-api-key": account.secret, "content-type": "application/json" },
        body: hasBody ? new TextEncoder().encode(body) : undefined,
      });
      expect(response.status).toBeLessThan(500);
      await response.arrayBuffer();
    }),
    RUNS,
  );
});

test("raw bytes instead of HTTP get a 400 or a closed connection, never a crash", async () => {
  const { port } = new URL(server.url);
  await fc.assert(
    fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 300 }), async (bytes) => {
      const answer = await new Promise<string>((resolve) => {
        const socket = connect({ host: "127.0.0.1", port: Number(port) });
        let received = "";
        socket.on("data", (chunk) => (received += chunk.toString("latin1")));
        socket.on("close", () => resolve(received));
        socket.on("error", () => resolve(received));
        socket.end(Buffer.concat([Buffer.from(bytes), Buffer.from("\r\n\r\n")]));
      });
      if (answer !== "") expect(answer).toMatch(/^HTTP\/1\.1 [1-4]\d\d /);
    }),
    { numRuns: 60, seed: 20260504 },
  );
});
