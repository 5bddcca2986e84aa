import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { DestinationStream, LevelWithSilent } from "pino";
import { z } from "zod";
import { LIMITS } from "./limits.js";
import { PLANS, type PlanTable } from "./plans.js";

/** How a server instance is set up. Every field has a default; see `resolveConfig`. */
export interface ServerConfig {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** SQLite file, created with its directory if missing; `:memory:` keeps nothing. */
  dbPath: string;
  /**
   * SQLite `synchronous` in WAL mode. NORMAL writes each commit to the WAL before answering, so
   * an acknowledged batch survives a killed process; FULL also waits for the disk to confirm,
   * which survives power loss at the price of one fsync per batch.
   */
  synchronous: "NORMAL" | "FULL";
  /** When set, key generation needs `Authorization: Bearer <adminToken>`; otherwise signup is open. */
  adminToken: string | undefined;
  plans: PlanTable;
  /** Requests a minute one key may make from one address to the events endpoint; 0 turns the limit off. */
  rateLimitPerMinute: number;
  /** Events one session may store; past it, batches are answered `capped` and not stored. */
  maxSessionEvents: number;
  /** How often events past their account's retention are purged (also once at start-up). */
  purgeIntervalMs: number;
  /** How often the alerts of accounts with recent activity are evaluated (also on every read of them). */
  alertIntervalMs: number;
  /** Multiplies the webhook retry delays (tests make them short). */
  webhookRetryScale: number;
  /** Deliver webhooks to loopback, private and link-local addresses too (a receiver on the same network). */
  webhookAllowPrivate: boolean;
  /** How long a webhook receiver has to answer. */
  webhookTimeoutMs: number;
  /** Proxies in front of the server whose X-Forwarded-For is believed for client addresses (0: none). */
  trustProxy: number;
  /** How often an idle stream gets a comment line, so proxies keep it open. */
  streamHeartbeatMs: number;
  logLevel: LevelWithSilent;
  /** Where JSON log lines go; standard output when unset. */
  logDestination: DestinationStream | undefined;
  /** The SDK's script-tag build served at /sdk/sessionmood.min.js. */
  sdkPath: string;
  /** Demo pages served under /demo/. */
  demoDir: string;
  /** Keep a "Demo" account and give the demo pages a fresh publishable key at start-up. */
  demo: boolean;
  /** The clock, in Unix milliseconds. */
  now: () => number;
}

/** A setting the server cannot start with: `message` is one line naming it and what is allowed. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

const packageFile = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/**
 * The SDK's script-tag build, from the installed @sessionmood/sdk package wherever this one is
 * installed (a workspace, a deployed folder, node_modules), never from the working directory.
 */
function installedSdkBundle(): string {
  const sdk = dirname(createRequire(import.meta.url).resolve("@sessionmood/sdk/package.json"));
  return join(sdk, "dist", "sessionmood.min.js");
}

/** The full configuration: `overrides` over defaults, checked like the environment is. */
export function resolveConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  const config: ServerConfig = {
    host: "127.0.0.1",
    port: 3000,
    dbPath: "./data/sessionmood.db",
    synchronous: "NORMAL",
    adminToken: undefined,
    plans: PLANS,
    rateLimitPerMinute: LIMITS.RATE_LIMIT_PER_MINUTE,
    maxSessionEvents: LIMITS.MAX_SESSION_EVENTS,
    purgeIntervalMs: 60 * 60 * 1000,
    alertIntervalMs: LIMITS.ALERT_EVALUATION_MS,
    webhookRetryScale: 1,
    webhookAllowPrivate: false,
    webhookTimeoutMs: LIMITS.WEBHOOK_TIMEOUT_MS,
    trustProxy: 0,
    streamHeartbeatMs: LIMITS.STREAM_HEARTBEAT_MS,
    logLevel: "info",
    logDestination: undefined,
    sdkPath: installedSdkBundle(),
    demoDir: packageFile("../../../examples"),
    demo: false,
    now: Date.now,
    ...dropUndefined(overrides),
  };
  if (config.adminToken !== undefined && config.adminToken.length < LIMITS.ADMIN_TOKEN_MIN_CHARS) {
    throw new ConfigError(
      `SESSIONMOOD_ADMIN_TOKEN is ${config.adminToken.length} characters long; it must have at least ` +
        `${LIMITS.ADMIN_TOKEN_MIN_CHARS} (e.g. openssl rand -hex 32)`,
    );
  }
  return config;
}

const integer = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().min(min, `a whole number from ${min} to ${max}`).max(max, `a whole number from ${min} to ${max}`));
const oneOf = <T extends string>(values: readonly [T, ...T[]]) =>
  z.enum(values, { error: `one of ${values.join(", ")}` });

/** The environment variables the server reads, each checked with what it allows. */
const ENVIRONMENT = z.object({
  PORT: integer(0, 65_535).optional(),
  HOST: z.string().min(1).optional(),
  NODE_ENV: z.string().optional(),
  LOG_LEVEL: oneOf(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  SESSIONMOOD_DB: z.string().min(1).optional(),
  SESSIONMOOD_SYNCHRONOUS: oneOf(["NORMAL", "FULL"]).optional(),
  SESSIONMOOD_ADMIN_TOKEN: z.string().optional(),
  SESSIONMOOD_DEMO: oneOf(["0", "1"]).optional(),
  SESSIONMOOD_RATE_LIMIT: integer(0, 1_000_000).optional(),
  SESSIONMOOD_MAX_SESSION_EVENTS: integer(1, 10_000_000).optional(),
  SESSIONMOOD_SDK_PATH: z.string().min(1).optional(),
  SESSIONMOOD_WEBHOOK_RETRY_SCALE: z
    .string()
    .transform(Number)
    .pipe(z.number({ error: "a number from 0.0001 to 100" }).min(0.0001, "a number from 0.0001 to 100").max(100, "a number from 0.0001 to 100"))
    .optional(),
  SESSIONMOOD_WEBHOOK_ALLOW_PRIVATE: oneOf(["0", "1"]).optional(),
  SESSIONMOOD_WEBHOOK_TIMEOUT_MS: integer(100, 60_000).optional(),
  SESSIONMOOD_TRUST_PROXY: integer(0, 10).optional(),
});

/**
 * The configuration the environment asks for; a `ConfigError` naming the first variable that is
 * not allowed. The demo is on unless `SESSIONMOOD_DEMO=0` or `NODE_ENV=production`.
 */
export function configFromEnv(env: NodeJS.ProcessEnv): Partial<ServerConfig> {
  // An empty variable counts as unset, as shells make it easy to leave one empty.
  const given = Object.fromEntries(Object.entries(env).filter(([name, value]) => name in ENVIRONMENT.shape && value !== ""));
  const result = ENVIRONMENT.safeParse(given);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const name = String(issue.path[0]);
    throw new ConfigError(`${name}=${JSON.stringify(given[name])} is not allowed: it must be ${issue.message}`);
  }
  const vars = result.data;
  return {
    host: vars.HOST,
    port: vars.PORT ?? 3000,
    dbPath: vars.SESSIONMOOD_DB,
    synchronous: vars.SESSIONMOOD_SYNCHRONOUS,
    adminToken: vars.SESSIONMOOD_ADMIN_TOKEN,
    rateLimitPerMinute: vars.SESSIONMOOD_RATE_LIMIT,
    maxSessionEvents: vars.SESSIONMOOD_MAX_SESSION_EVENTS,
    sdkPath: vars.SESSIONMOOD_SDK_PATH,
    webhookRetryScale: vars.SESSIONMOOD_WEBHOOK_RETRY_SCALE,
    webhookAllowPrivate: vars.SESSIONMOOD_WEBHOOK_ALLOW_PRIVATE === undefined ? undefined : vars.SESSIONMOOD_WEBHOOK_ALLOW_PRIVATE === "1",
    webhookTimeoutMs: vars.SESSIONMOOD_WEBHOOK_TIMEOUT_MS,
    trustProxy: vars.SESSIONMOOD_TRUST_PROXY,
    demo: vars.SESSIONMOOD_DEMO !== "0" && vars.NODE_ENV !== "production",
    logLevel: vars.LOG_LEVEL,
  };
}

function dropUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
