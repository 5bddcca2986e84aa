import { pino, type Logger } from "pino";
import type { ServerConfig } from "./config.js";

export type { Logger };

export interface ServerLog {
  logger: Logger;
  /** Resolves once every line logged so far is written; nothing may be logged after. */
  close(): Promise<void>;
}

/** JSON lines, one per event, to the configured destination (standard output by default). */
export function createLog(config: Pick<ServerConfig, "logLevel" | "logDestination">): ServerLog {
  const options = { level: config.logLevel, base: { service: "sessionmood" } };
  if (config.logDestination) {
    return { logger: pino(options, config.logDestination), close: async () => {} };
  }
  // Asynchronous writes keep logging off the request path; `close` waits for the last ones.
  const stdout = pino.destination({ dest: 1, sync: false });
  return {
    logger: pino(options, stdout),
    close: () =>
      new Promise((resolve) => {
        stdout.once("close", () => resolve());
        stdout.end();
      }),
  };
}
