import { fileURLToPath } from "node:url";
import type { DestinationStream, LevelWithSilent } from "pino";
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
  /** How often sessions past their plan's retention are purged (also once at start-up). */
  purgeIntervalMs: number;
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

const packageFile = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** The full configuration: `overrides` over defaults. */
export function resolveConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    host: "127.0.0.1",
    port: 3000,
    dbPath: "./data/sessionmood.db",
    synchronous: "NORMAL",
    adminToken: undefined,
    plans: PLANS,
    purgeIntervalMs: 60 * 60 * 1000,
    logLevel: "info",
    logDestination: undefined,
    // From src/ and dist/ alike: packages/server/<dir>/ → packages/sdk/dist/.
    sdkPath: packageFile("../../sdk/dist/sessionmood.min.js"),
    demoDir: packageFile("../../../examples"),
    demo: false,
    now: Date.now,
    ...dropUndefined(overrides),
  };
}

/** The configuration the environment asks for (PORT, HOST, SESSIONMOOD_*, LOG_LEVEL). */
export function configFromEnv(env: NodeJS.ProcessEnv): Partial<ServerConfig> {
  return {
    host: env.HOST || undefined,
    port: env.PORT ? Number(env.PORT) : 3000,
    dbPath: env.SESSIONMOOD_DB || undefined,
    synchronous: env.SESSIONMOOD_SYNCHRONOUS === "FULL" ? "FULL" : undefined,
    adminToken: env.SESSIONMOOD_ADMIN_TOKEN || undefined,
    sdkPath: env.SESSIONMOOD_SDK_PATH || undefined,
    demo: env.SESSIONMOOD_DEMO !== "0",
    logLevel: (env.LOG_LEVEL as LevelWithSilent | undefined) || undefined,
  };
}

function dropUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
