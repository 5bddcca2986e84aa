#!/usr/bin/env node
import { configFromEnv } from "./config.js";
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
  console.error("SessionMood server failed to start:", error);
  process.exit(1);
}
