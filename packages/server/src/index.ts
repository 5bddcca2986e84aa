#!/usr/bin/env node
import { ConfigError, configFromEnv } from "./config.js";
import { startServer } from "./server.js";

/** Serves the API as the environment says, until SIGTERM or SIGINT. */
try {
  const server = await startServer(configFromEnv(process.env));
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      server.logger.info({ signal }, "shutting down");
      void server.close().then(() => process.exit(0));
    });
  }
} catch (error) {
  // A setting the operator can fix is one line, not a stack trace.
  console.error(`SessionMood server failed to start: ${error instanceof ConfigError ? error.message : String(error)}`);
  if (!(error instanceof ConfigError)) console.error(error);
  process.exit(1);
}
