import { MoodHub } from "../src/live/mood-hub.js";
import { createMetrics } from "../src/metrics/server-metrics.js";
import { DEFAULT_SETTINGS } from "../src/settings/account-settings.js";
import { WebhookDispatcher } from "../src/webhooks/webhook-dispatcher.js";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { pino } from "pino";
import { expect, test } from "vitest";
import { createApp } from "../src/app.js";
import { resolveConfig } from "../src/config.js";
import { hashKey } from "../src/keys/api-key.js";
import { KeyCache } from "../src/keys/key-cache.js";
import { StorageBusyError, type Storage } from "../src/store/storage.js";
import { BROWSER_USER_AGENT } from "./test-server.js";

test("when too many batches wait to be stored, a batch is answered 503 with Retry-After, and nothing breaks", async () => {
  const key = "pk_" + "0".repeat(48);
  const account = {
    id: 1,
    name: "Shop",
    email: null,
    plan: "starter" as const,
    allowedOrigins: null,
    retentionDays: null,
    settings: DEFAULT_SETTINGS,
    policy: {},
    hasWebhookSecret: false,
  };
  const storage = {
    findKey: async () => ({ keyHash: hashKey(key), kind: "publishable" as const, expiresAt: null, account }),
    recordBatch: async () => {
      throw new StorageBusyError();
    },
  } as unknown as Storage;
  const config = resolveConfig({ logLevel: "silent" });
  const logger = pino({ level: "silent" });
  const app = createApp({
    config,
    storage,
    keys: new KeyCache(storage),
    logger,
    lifecycle: { closing: false },
    demoKey: undefined,
    hub: new MoodHub(),
    webhooks: new WebhookDispatcher(storage, config, logger),
    metrics: createMetrics({ queueDepth: () => 0, openStreams: () => 0 }),
  });
  const server = createServer(app).listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/v1/sessions/s/events?key=${key}`, {
      method: "POST",
      headers: { "content-type": "text/plain", origin: "https://shop.example", "user-agent": BROWSER_USER_AGENT },
      body: JSON.stringify({ events: [{ type: "click" }] }),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("1");
    expect(response.headers.get("access-control-expose-headers")).toMatch(/Retry-After/);
    expect(await response.json()).toMatchObject({ error: "Service Unavailable" });
  } finally {
    server.close();
  }
});
