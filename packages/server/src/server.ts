import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { scheduleAlertEvaluation } from "./alerts/alert-schedule.js";
import { createApp } from "./app.js";
import { resolveConfig, type ServerConfig } from "./config.js";
import { issueDemoKey } from "./demo/demo-key.js";
import { KeyCache } from "./keys/key-cache.js";
import { MoodHub } from "./live/mood-hub.js";
import { createMetrics } from "./metrics/server-metrics.js";
import { LIMITS } from "./limits.js";
import { createLog, type Logger } from "./logger.js";
import { scheduleRetentionPurge } from "./retention/retention-purge.js";
import { rescoreStaleSessions } from "./sessions/rescore-stale.js";
import { openStorage } from "./store/open-storage.js";
import type { Storage } from "./store/storage.js";
import { WebhookDispatcher } from "./webhooks/webhook-dispatcher.js";

export { createApp } from "./app.js";
export { ConfigError, configFromEnv, type ServerConfig } from "./config.js";
export type { Services } from "./services.js";
export type { Storage } from "./store/storage.js";

export interface RunningServer {
  /** e.g. http://127.0.0.1:3000 */
  url: string;
  port: number;
  config: ServerConfig;
  storage: Storage;
  logger: Logger;
  /** The demo pages' publishable key, when the demo is on. */
  demoKey: string | undefined;
  /** Stops taking requests, lets those under way finish, then closes the database. */
  close(): Promise<void>;
}

/** Opens the database (migrating it), starts the retention purge and listens. */
export async function startServer(overrides: Partial<ServerConfig> = {}): Promise<RunningServer> {
  const config = resolveConfig(overrides);
  const log = createLog(config);
  const { logger } = log;
  let commitSeconds: ((seconds: number) => void) | undefined;
  const storage = openStorage(config, logger, (seconds) => commitSeconds?.(seconds));
  const keys = new KeyCache(storage);
  const lifecycle = { closing: false };
  const hub = new MoodHub();
  const metrics = createMetrics({ queueDepth: () => storage.queueDepth(), openStreams: () => hub.total() });
  commitSeconds = (seconds) => metrics.commitSeconds.observe(seconds);
  const webhooks = new WebhookDispatcher(storage, config, logger);
  let stopPurge: (() => Promise<void>) | undefined;
  let stopAlerts: (() => Promise<void>) | undefined;
  const server = createServer();

  try {
    const rescored = await rescoreStaleSessions(storage);
    if (rescored > 0) logger.info({ sessions: rescored }, "re-scored sessions stored by an earlier engine version");
    const demoKey = config.demo ? await issueDemoKey(storage, config.now()) : undefined;
    stopPurge = scheduleRetentionPurge({
      storage,
      plans: config.plans,
      intervalMs: config.purgeIntervalMs,
      now: config.now,
      logger,
    });
    stopAlerts = scheduleAlertEvaluation({ storage, plans: config.plans, intervalMs: config.alertIntervalMs, now: config.now, logger });
    webhooks.start();
    server.on("request", createApp({ config, storage, keys, logger, lifecycle, demoKey, hub, webhooks, metrics }));
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(config.port, config.host, resolve);
    });

    const { port } = server.address() as AddressInfo;
    const url = `http://${urlHost(config.host)}:${port}`;
    if (config.adminToken === undefined) {
      logger.warn(
        "signup is open: anyone who reaches this server can open a starter account (set SESSIONMOOD_ADMIN_TOKEN to close it)",
      );
    }
    logger.info({ url, db: config.dbPath, demo: demoKey !== undefined }, "listening");

    let closed: Promise<void> | undefined;
    const close = (): Promise<void> => {
      closed ??= new Promise<void>((resolve) => {
        lifecycle.closing = true;
        hub.closeAll();
        const force = setTimeout(() => server.closeAllConnections(), LIMITS.SHUTDOWN_GRACE_MS);
        server.close(() => {
          clearTimeout(force);
          void Promise.all([stopPurge!(), stopAlerts!(), webhooks.stop()])
            .then(() => storage.close())
            .then(() => {
              logger.info("closed");
              return log.close();
            })
            .then(resolve);
        });
        server.closeIdleConnections();
      });
      return closed;
    };
    return { url, port, config, storage, logger, demoKey, close };
  } catch (error) {
    await stopPurge?.();
    await stopAlerts?.();
    await webhooks.stop();
    await storage.close();
    await log.close();
    throw error;
  }
}

/** A host to put in a URL: wildcard addresses become loopback, IPv6 gets brackets. */
function urlHost(host: string): string {
  if (host === "0.0.0.0" || host === "") return "127.0.0.1";
  if (host === "::") return "[::1]";
  return host.includes(":") ? `[${host}]` : host;
}
