import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { RAGE, startTestServer, type Account, type TestServer } from "./test-server.js";

const GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
const HEADLESS = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/130.0.0.0 Safari/537.36";
const clicks = (n: number) => Array.from({ length: n }, () => ({ type: "click" }));

describe("one session cannot take unlimited events", () => {
  let server: TestServer;
  let account: Account;
  beforeAll(async () => {
    server = await startTestServer({ maxSessionEvents: 500, rateLimitPerMinute: 0 });
    account = await server.signUp();
  });
  afterAll(() => server.close());

  test("a flood into one session stops at the cap, answered 200 capped, and the next visitor is unaffected", async () => {
    const flood = (i: number) =>
      server.call("POST", "/v1/sessions/flood/events", { key: account.publishable, body: { events: clicks(200), batch_id: `f${i}` } });
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => flood(i)));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    const capped = answers.filter((answer) => answer.body.capped === true);
    expect(capped.length).toBeGreaterThanOrEqual(8);
    expect(capped[0]!.body).toMatchObject({ events_stored: 0, dropped: 200 });

    const mood = await server.call("GET", "/v1/sessions/flood/mood", { key: account.secret });
    expect(mood.body.event_count).toBeLessThanOrEqual(500);
    const stored = server.query<{ n: number }>(
      "SELECT sum(json_array_length(events)) AS n FROM event_batches JOIN sessions ON pk = session_pk WHERE session_id = 'flood'",
    )[0]!.n;
    expect(stored).toBe(mood.body.event_count);

    // Capped for good: even a small batch is refused now.
    const small = await server.call("POST", "/v1/sessions/flood/events", { key: account.publishable, body: { events: clicks(1) } });
    expect(small.body).toMatchObject({ capped: true, events_stored: 0, dropped: 1 });

    const visitor = await server.call("POST", "/v1/sessions/real-visitor/events", { key: account.publishable, body: { events: RAGE } });
    expect(visitor.status).toBe(200);
    expect(visitor.body).toMatchObject({ events_stored: 4, current_mood: "frustrated" });
    expect(visitor.body.capped).toBeUndefined();
  });
});

describe("the burst limiter", () => {
  let server: TestServer;
  let account: Account;
  beforeAll(async () => {
    server = await startTestServer({ rateLimitPerMinute: 5 });
    account = await server.signUp();
  });
  afterAll(() => server.close());

  const post = (key: string, headers: Record<string, string> = {}) =>
    server.call("POST", "/v1/sessions/burst/events", { key, body: { events: clicks(1) }, headers });

  test("past the limit a key gets 429 with Retry-After, readable by pages on other origins", async () => {
    const origin = { origin: "https://shop.example" };
    for (let i = 0; i < 5; i++) expect((await post(account.publishable, origin)).status).toBe(200);
    const refused = await post(account.publishable, origin);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ error: "Too Many Requests", limit: 5 });
    expect(refused.body.reset_at).toBeUndefined();
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(12);
    expect(refused.headers.get("access-control-expose-headers")).toMatch(/Retry-After/i);
    expect(refused.headers.get("access-control-allow-origin")).toBe("https://shop.example");
  });

  test("the limit is per key: another account's pages are not held up", async () => {
    const other = await server.signUp();
    expect((await post(other.publishable)).status).toBe(200);
  });

  test("reading moods is not limited", async () => {
    for (let i = 0; i < 8; i++) {
      expect((await server.call("GET", "/v1/sessions/burst/mood", { key: account.secret })).status).toBe(200);
    }
  });
});

test("SESSIONMOOD_RATE_LIMIT=0 turns the limiter off", async () => {
  const server = await startTestServer({ rateLimitPerMinute: 0 });
  try {
    const account = await server.signUp();
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => server.call("POST", "/v1/sessions/s/events", { key: account.publishable, body: { events: clicks(1) } })),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(50).fill(200));
  } finally {
    await server.close();
  }
});

describe("crawlers", () => {
  let server: TestServer;
  let account: Account;
  beforeAll(async () => {
    server = await startTestServer({ plans: { starter: { sessionsPerMonth: 1, retentionDays: 7 }, growth: { sessionsPerMonth: 1, retentionDays: 30 }, pro: { sessionsPerMonth: 1, retentionDays: 90 } } });
    account = await server.signUp();
  });
  afterAll(() => server.close());

  test.each([["Googlebot", GOOGLEBOT], ["a headless browser", HEADLESS]])(
    "a batch from %s is answered 200 ignored, stored and counted nowhere",
    async (_, userAgent) => {
      const { status, body } = await server.call("POST", "/v1/sessions/crawl/events", {
        key: account.publishable,
        body: { events: RAGE },
        headers: { "user-agent": userAgent },
      });
      expect(status).toBe(200);
      expect(body).toEqual({ session_id: "crawl", events_stored: 0, ignored: "bot" });
      expect(server.query("SELECT * FROM sessions")).toEqual([]);
      expect(server.query("SELECT * FROM monthly_usage")).toEqual([]);
    },
  );

  test("allow_bots lets a site's own headless tests through (and uses the month's one session)", async () => {
    const { status, body } = await server.call("POST", "/v1/sessions/e2e/events", {
      key: account.publishable,
      body: { events: RAGE, allow_bots: true },
      headers: { "user-agent": HEADLESS },
    });
    expect(status).toBe(200);
    expect(body.events_stored).toBe(4);
  });

  test("a site's own server posting with the secret key is not taken for a crawler", async () => {
    const { body } = await server.call("POST", "/v1/sessions/e2e/events", {
      key: account.secret,
      body: { events: RAGE },
      headers: { "user-agent": "node" },
    });
    expect(body.events_stored).toBe(4);
  });
});
