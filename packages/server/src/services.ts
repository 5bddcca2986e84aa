import type { ServerConfig } from "./config.js";
import type { KeyCache } from "./keys/key-cache.js";
import type { MoodHub } from "./live/mood-hub.js";
import type { ServerMetrics } from "./metrics/server-metrics.js";
import type { Logger } from "./logger.js";
import type { Storage } from "./store/storage.js";
import type { WebhookDispatcher } from "./webhooks/webhook-dispatcher.js";

/** What the routes work with. */
export interface Services {
  config: ServerConfig;
  storage: Storage;
  /** Live keys, remembered between requests; cleared by whatever changes a key or an account. */
  keys: KeyCache;
  logger: Logger;
  /** Set once shutdown begins, so health checks report the server as going down. */
  lifecycle: { closing: boolean };
  /** Mood changes to the streams open in this process. */
  hub: MoodHub;
  /** Delivers the webhook outbox; woken when a change was queued. */
  webhooks: WebhookDispatcher;
  metrics: ServerMetrics;
  /** The publishable key the demo pages use, when the demo is on. */
  demoKey: string | undefined;
}
