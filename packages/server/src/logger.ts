import { pino, type Logger } from "pino";
import type { ServerConfig } from "./config.js";

export type { Logger };

/** JSON lines, one per event, to the configured destination (standard output by default). */
export function createLogger(config: Pick<ServerConfig, "logLevel" | "logDestination">): Logger {
  const options = { level: config.logLevel, base: { service: "sessionmood" } };
  // Asynchronous writes keep logging off the request path; `close` flushes what is pending.
  return pino(options, config.logDestination ?? pino.destination({ dest: 1, sync: false }));
}
