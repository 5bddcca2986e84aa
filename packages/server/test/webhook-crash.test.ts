import { join } from "node:path";
import { afterEach, beforeEach, expect, test } from "vitest";
import { startChildServer, type ChildServer } from "./child-server.js";
import { BROWSER_USER_AGENT, RAGE, temporaryDirectory, until } from "./test-server.js";
import { startReceiver, type Receiver } from "./webhook-receiver.js";

const children: ChildServer[] = [];
let dir: ReturnType<typeof temporaryDirectory>;
let receiver: Receiver;
beforeEach(async () => {
  dir = temporaryDirectory();
  receiver = await startReceiver();
});
afterEach(async () => {
  for (const child of children.splice(0)) {
    child.process.kill("SIGKILL");
    await child.exited;
  }
  await receiver.close();
  dir.remove();
});

async function start(): Promise<ChildServer> {
  const child = await startChildServer({
    SESSIONMOOD_DB: join(dir.path, "webhooks.db"),
    SESSIONMOOD_RATE_LIMIT: "0",
    SESSIONMOOD_WEBHOOK_ALLOW_PRIVATE: "1",
    SESSIONMOOD_WEBHOOK_RETRY_SCALE: "0.001",
    SESSIONMOOD_WEBHOOK_TIMEOUT_MS: "500",
  });
  children.push(child);
  return child;
}

async function call(child: ChildServer, method: string, path: string, key?: string, body?: unknown) {
  const response = await fetch(child.url + path, {
    method,
    headers: { "content-type": "application/json", "user-agent": BROWSER_USER_AGENT, ...(key && { "x-api-key": key }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: await response.json() };
}

test("a server killed mid-delivery delivers each event after a restart, every attempt with its one webhook-id", async () => {
  let child = await start();
  const keys = (await call(child, "POST", "/v1/keys/generate", undefined, { customer_name: "Crash" })).body;
  await call(child, "PATCH", "/v1/settings", keys.api_key, { webhook: { url: receiver.url } });
  receiver.secret = (await call(child, "POST", "/v1/webhooks/secret", keys.api_key)).body.secret;
  // The first request the receiver sees is never answered: the server dies while it waits.
  receiver.respond = () => (receiver.received.length === 1 ? "hang" : 200);

  for (const session of ["a", "b", "c"]) {
    expect((await call(child, "POST", `/v1/sessions/${session}/events`, keys.publishable_key, { events: RAGE })).status).toBe(200);
  }
  await until(() => receiver.received.length >= 1);
  child.process.kill("SIGKILL");
  await child.exited;

  child = await start();
  const delivered = async () => (await call(child, "GET", "/v1/webhooks/deliveries", keys.api_key)).body.deliveries;
  await expect.poll(async () => (await delivered()).map((d: { status: string }) => d.status), { timeout: 15_000 }).toEqual([
    "delivered",
    "delivered",
    "delivered",
  ]);
  const ids = new Set((await delivered()).map((d: { webhook_id: string }) => d.webhook_id));
  // The event whose delivery the crash cut off came again, under the same webhook-id.
  expect(receiver.received.length).toBeGreaterThan(ids.size);
  // Deduplicated by webhook-id, the receiver has each event exactly once, each verified.
  expect(new Set(receiver.received.map((each) => each.webhookId))).toEqual(ids);
  expect(receiver.received.every((each) => each.verified)).toBe(true);
  const sessions = new Set(receiver.received.map((each) => each.body.data.session_id));
  expect(sessions).toEqual(new Set(["a", "b", "c"]));
});
