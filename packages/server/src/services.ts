import type { ServerConfig } from "./config.js";
import type { Logger } from "./logger.js";
import type { SessionStore } from "./store/session-store.js";

/** What the routes work with. */
export interface Services {
  config: ServerConfig;
  store: SessionStore;
  logger: Logger;
  /** Set once shutdown begins, so health checks report the server as going down. */
  lifecycle: { closing: boolean };
  /** The publishable key the demo pages use, when the demo is on. */
  demoKey: string | undefined;
}
