import { lookup } from "node:dns/promises";
import { hostname } from "node:os";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { resolveTarget, TargetRefused } from "../src/webhooks/webhook-target.js";
import { startReceiver, type Receiver } from "./webhook-receiver.js";
import { RAGE, startTestServer, until, type Account, type TestServer } from "./test-server.js";

let server: TestServer;
let receiver: Receiver;
beforeAll(async () => {
  // Retries after 5, 30 and 120 ms instead of seconds; a receiver has 300 ms to answer.
  server = await startTestServer({ webhookAllowPrivate: true, webhookRetryScale: 0.001, webhookTimeoutMs: 300, rateLimitPerMinute: 0 });
});
afterAll(() => server.close());
afterEach(() => receiver?.close());

/** An account whose webhook points at a fresh receiver that knows its secret. */
async function subscribed(webhook: Record<string, unknown> = {}): Promise<Account> {
  receiver = await startReceiver();
  const shop = await server.signUp();
  const patch = await server.call("PATCH", "/v1/settings", { key: shop.secret, body: { webhook: { url: receiver.url, ...webhook } } });
  expect(patch.status).toBe(200);
  const created = await server.call("POST", "/v1/webhooks/secret", { key: shop.secret });
  expect(created.status).toBe(201);
  expect(created.body.secret).toMatch(/^whsec_/);
  receiver.secret = created.body.secret;
  return shop;
}

const rage = (shop: Account, id: string) => server.call("POST", `/v1/sessions/${id}/events`, { key: shop.publishable, body: { events: RAGE } });
const deliveries = async (shop: Account) => (await server.call("GET", "/v1/webhooks/deliveries", { key: shop.secret })).body.deliveries;

describe("webhooks", () => {
  test("a mood change is delivered, signed so that a Standard Webhooks library verifies it", async () => {
    const shop = await subscribed();
    expect((await server.call("GET", "/v1/settings", { key: shop.secret })).body.webhook).toEqual({
      url: receiver.url,
      events: ["mood.changed", "alert.opened"],
      moods: null,
      has_secret: true,
    });
    await rage(shop, "checkout-1");
    await until(() => receiver.received.length > 0);
    const [first] = receiver.received;
    expect(first!.verified).toBe(true);
    expect(first!.body).toMatchObject({
      type: "mood.changed",
      data: { session_id: "checkout-1", from: "neutral", to: "frustrated" },
    });
    const timeline = (await server.call("GET", "/v1/sessions/checkout-1/timeline", { key: shop.secret })).body.changes;
    expect(first!.body.data.id).toBe(timeline.at(-1).id);
    await expect.poll(async () => (await deliveries(shop))[0]?.status).toBe("delivered");
    expect((await deliveries(shop))[0]).toMatchObject({
      webhook_id: first!.webhookId,
      event: "mood.changed",
      attempts: 1,
      last_status_code: 200,
      next_attempt_at: null,
    });
  });

  test("a receiver answering 500, or not at all, gets the same webhook-id again until it takes it", async () => {
    const shop = await subscribed();
    receiver.respond = (attempt) => (attempt === 1 ? 500 : attempt === 2 ? "hang" : 200);
    await rage(shop, "flaky");
    await expect.poll(async () => (await deliveries(shop))[0]?.status, { timeout: 10_000 }).toBe("delivered");
    const ids = receiver.received.map((each) => each.webhookId);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(1);
    expect(receiver.received.every((each) => each.verified)).toBe(true);
    expect((await deliveries(shop))[0]).toMatchObject({ attempts: 3, last_status_code: 200 });
  });

  test("a receiver that never takes it: the delivery fails for good after the retries of a (scaled) day", async () => {
    // A day of retries in under two seconds.
    const quick = server;
    server = await startTestServer({ webhookAllowPrivate: true, webhookRetryScale: 0.00002, webhookTimeoutMs: 300 });
    try {
      await failsForGood();
    } finally {
      await server.close();
      server = quick;
    }
  });

  async function failsForGood() {
    const shop = await subscribed();
    receiver.respond = () => 503;
    await rage(shop, "down");
    await expect.poll(async () => (await deliveries(shop))[0]?.status, { timeout: 20_000 }).toBe("failed");
    const [failed] = await deliveries(shop);
    // The outbox is checked every second, so at this scale fewer attempts fit in the day than in a real one.
    expect(failed.attempts).toBeGreaterThan(2);
    expect(failed).toMatchObject({ last_status_code: 503, last_error: "the receiver answered 503", next_attempt_at: null });

    // A retry by hand sends it again, with its webhook-id.
    receiver.respond = () => 200;
    const retried = await server.call("POST", `/v1/webhooks/deliveries/${failed.id}/retry`, { key: shop.secret });
    expect(retried.body).toMatchObject({ id: failed.id, status: "pending", webhook_id: failed.webhook_id });
    await expect.poll(async () => (await deliveries(shop))[0]?.status).toBe("delivered");
    expect(receiver.received.at(-1)!.webhookId).toBe(failed.webhook_id);

    const other = await server.signUp();
    expect((await server.call("POST", `/v1/webhooks/deliveries/${failed.id}/retry`, { key: other.secret })).status).toBe(404);
    expect(await deliveries(other)).toEqual([]);
  }

  test("only the moods and events asked for are queued", async () => {
    const shop = await subscribed({ moods: ["confused"] });
    await rage(shop, "not-confused");
    expect(await deliveries(shop)).toEqual([]);
    await server.call("PATCH", "/v1/settings", { key: shop.secret, body: { webhook: { moods: null, events: ["alert.opened"] } } });
    await rage(shop, "still-nothing");
    expect(await deliveries(shop)).toEqual([]);
  });

  test("a test event is sent signed at once; without a URL or secret, 409", async () => {
    const shop = await subscribed();
    const { status, body } = await server.call("POST", "/v1/webhooks/test", { key: shop.secret });
    expect(status).toBe(200);
    expect(body).toMatchObject({ delivered: true, status_code: 200, error: null });
    expect(receiver.received[0]).toMatchObject({ webhookId: body.webhook_id, verified: true, body: { type: "webhook.test" } });

    const bare = await server.signUp();
    expect((await server.call("POST", "/v1/webhooks/test", { key: bare.secret })).status).toBe(409);
  });

  test("rotating the secret signs later deliveries with the new one", async () => {
    const shop = await subscribed();
    const rotated = (await server.call("POST", "/v1/webhooks/secret", { key: shop.secret })).body.secret;
    expect(rotated).not.toBe(receiver.secret);
    receiver.secret = rotated;
    await rage(shop, "after-rotation");
    await until(() => receiver.received.length > 0);
    expect(receiver.received[0]!.verified).toBe(true);
  });
});

describe("webhook targets", () => {
  test("a host that resolves to a private address is refused after the lookup, unless allowed", async () => {
    const name = hostname();
    const addresses = await lookup(name, { all: true });
    const url = new URL(`http://${name}:9/hook`);
    if (addresses.some(({ address }) => address.startsWith("127.") || address.startsWith("10.") || address === "::1")) {
      await expect(resolveTarget(url, false)).rejects.toBeInstanceOf(TargetRefused);
    }
    await expect(resolveTarget(url, true)).resolves.toMatchObject({ address: addresses[0]!.address });
    await expect(resolveTarget(new URL("http://127.0.0.1/x"), false)).rejects.toThrow("not a public address");
    await expect(resolveTarget(new URL("http://[::ffff:10.0.0.1]/x"), false)).rejects.toBeInstanceOf(TargetRefused);
    await expect(resolveTarget(new URL("http://100.64.1.1/x"), false)).rejects.toBeInstanceOf(TargetRefused);
    await expect(resolveTarget(new URL("http://93.184.216.34/x"), false)).resolves.toMatchObject({ address: "93.184.216.34" });
  });

  test("a delivery to a private address is refused when the operator has not allowed it", async () => {
    const strict = await startTestServer({ rateLimitPerMinute: 0 });
    try {
      const shop = await strict.signUp();
      const patch = await strict.call("PATCH", "/v1/settings", { key: shop.secret, body: { webhook: { url: `http://${hostname()}:9/hook` } } });
      expect(patch.status).toBe(200);
      await strict.call("POST", "/v1/webhooks/secret", { key: shop.secret });
      const { body } = await strict.call("POST", "/v1/webhooks/test", { key: shop.secret });
      expect(body.delivered).toBe(false);
      expect(body.error).toMatch(/^refused: /);
    } finally {
      await strict.close();
    }
  });
});
