import { EventSource } from "eventsource";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { LIMITS } from "../src/limits.js";
import { RAGE, startTestServer, until, type Account, type TestServer } from "./test-server.js";

let server: TestServer;
let now = Date.now();
beforeAll(async () => {
  server = await startTestServer({ now: () => now, rateLimitPerMinute: 0 });
});
afterAll(() => server.close());

interface MoodMessage {
  id: string;
  data: { id: number; session_id: string; at: string; from: string; to: string; confidence: number; signals: string[]; page: string | null };
}

/** An EventSource on `path`, collecting its `mood` events. */
function listen(path: string, headers: Record<string, string> = {}) {
  const messages: MoodMessage[] = [];
  const source = new EventSource(server.url + path, {
    fetch: (input, init) => fetch(input, { ...init, headers: { ...init?.headers, ...headers } }),
  });
  source.addEventListener("mood", (event) => messages.push({ id: event.lastEventId, data: JSON.parse(event.data) }));
  const opened = new Promise<void>((resolve, reject) => {
    source.onopen = () => resolve();
    source.onerror = (error) => reject(error);
  });
  return { source, messages, opened };
}

const post = (shop: Account, id: string, events: unknown[]) =>
  server.call("POST", `/v1/sessions/${id}/events`, { key: shop.publishable, body: { events } });
const token = async (shop: Account, ttl?: number) =>
  (await server.call("POST", "/v1/stream-tokens", { key: shop.secret, body: ttl === undefined ? {} : { ttl_seconds: ttl } })).body;
const timeline = async (shop: Account, id: string) =>
  (await server.call("GET", `/v1/sessions/${id}/timeline`, { key: shop.secret })).body.changes;

describe("streams", () => {
  test("a mood change is pushed as `event: mood` with the stored change's id, to a browser-style token URL", async () => {
    const shop = await server.signUp();
    const { token: streamToken, expires_at } = await token(shop);
    expect(streamToken).toMatch(/^st_/);
    expect(Date.parse(expires_at) - now).toBe(300_000);
    const stream = listen(`/v1/stream?token=${streamToken}`);
    await stream.opened;
    await post(shop, "live-1", RAGE);
    await until(() => stream.messages.length > 0);
    stream.source.close();
    const [change] = await timeline(shop, "live-1");
    expect(stream.messages[0]).toEqual({ id: String(change.id), data: { session_id: "live-1", ...change } });
  });

  test("reconnecting with Last-Event-ID gets exactly the changes missed, in order", async () => {
    const shop = await server.signUp();
    const first = listen("/v1/stream", { "x-api-key": shop.secret });
    await first.opened;
    await post(shop, "s1", RAGE);
    await until(() => first.messages.length === 1);
    first.source.close();
    const lastSeen = first.messages[0]!.id;

    // While no one listens: two more sessions change mood.
    await post(shop, "s2", RAGE);
    await post(shop, "s3", RAGE);
    const missed = [...(await timeline(shop, "s2")), ...(await timeline(shop, "s3"))];

    const resumed = listen("/v1/stream", { "x-api-key": shop.secret, "last-event-id": lastSeen });
    await resumed.opened;
    await until(() => resumed.messages.length === missed.length);
    await post(shop, "s4", RAGE);
    await until(() => resumed.messages.length === missed.length + 1);
    resumed.source.close();
    expect(resumed.messages.slice(0, missed.length).map((m) => m.data.id)).toEqual(missed.map((c: { id: number }) => c.id));
    expect(resumed.messages.map((m) => m.data.session_id)).toEqual(["s2", "s3", "s4"]);
  });

  test("a session's stream carries only that session; another account's stream nothing of it", async () => {
    const shop = await server.signUp();
    const other = await server.signUp();
    const mine = listen("/v1/sessions/watched/stream", { "x-api-key": shop.secret });
    const theirs = listen("/v1/stream", { "x-api-key": other.secret });
    await Promise.all([mine.opened, theirs.opened]);
    await post(shop, "ignored", RAGE);
    await post(shop, "watched", RAGE);
    await until(() => mine.messages.length === 1);
    mine.source.close();
    theirs.source.close();
    expect(mine.messages[0]!.data.session_id).toBe("watched");
    expect(theirs.messages).toEqual([]);
  });

  test("tokens expire, only stream routes take them, and a secret key never goes in a URL", async () => {
    const shop = await server.signUp();
    const { token: shortLived } = await token(shop, 1);
    const open = (path: string) => fetch(server.url + path, { signal: AbortSignal.timeout(5000) });
    const live = await open(`/v1/stream?token=${shortLived}`);
    expect(live.status).toBe(200);
    await live.body?.cancel();
    expect((await open(`/v1/analytics/moods?token=${shortLived}`)).status).toBe(401);
    now += 2000;
    try {
      const expired = await open(`/v1/stream?token=${shortLived}`);
      expect(expired.status).toBe(401);
      expect(await expired.json()).toMatchObject({ message: "The stream token is unknown or has expired" });
    } finally {
      now -= 2000;
    }
    expect((await open("/v1/stream?token=st_forged")).status).toBe(401);
    expect((await open(`/v1/stream?key=${shop.secret}`)).status).toBe(401);
    expect((await server.call("POST", "/v1/stream-tokens", { key: shop.secret, body: { ttl_seconds: 3601 } })).body.field).toBe("ttl_seconds");
    expect((await server.call("POST", "/v1/stream-tokens", { key: shop.publishable, body: {} })).status).toBe(403);
  });

  test("an account may hold a bounded number of streams open", async () => {
    const shop = await server.signUp();
    const open = () => fetch(`${server.url}/v1/stream`, { headers: { "x-api-key": shop.secret } });
    const streams = await Promise.all(Array.from({ length: LIMITS.STREAMS_PER_ACCOUNT }, open));
    expect(streams.every((response) => response.status === 200)).toBe(true);
    const refused = await open();
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBeTruthy();
    await Promise.all(streams.map((response) => response.body?.cancel()));
    await expect.poll(async () => (await open().then(async (r) => (await r.body?.cancel(), r.status)))).toBe(200);
  });

  test("an idle stream gets heartbeats, so proxies keep it open", async () => {
    const own = await startTestServer({ streamHeartbeatMs: 20 });
    try {
      const shop = await own.signUp();
      const response = await fetch(`${own.url}/v1/stream`, { headers: { "x-api-key": shop.secret } });
      const reader = response.body!.getReader();
      let text = "";
      while ((text.match(/: heartbeat/g) ?? []).length < 2) text += new TextDecoder().decode((await reader.read()).value);
      await reader.cancel();
      expect(text.startsWith(": connected\n\n")).toBe(true);
    } finally {
      await own.close();
    }
  });

  test("the server's shutdown ends open streams", async () => {
    const own = await startTestServer();
    const shop = await own.signUp();
    const response = await fetch(`${own.url}/v1/stream`, { headers: { "x-api-key": shop.secret } });
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    const reading = response.text();
    await own.close();
    expect(await reading).toContain(": connected");
  });
});
