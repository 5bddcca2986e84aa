import { ConfigError, type ServerConfig } from "../config.js";
import type { Logger } from "../logger.js";
import { SqliteStorage } from "./sqlite/sqlite-storage.js";
import type { Storage } from "./storage.js";

/**
 * The storage the configuration names, with its background problems logged. A database file that
 * cannot be created, opened or written is a setting to fix: a `ConfigError` naming the path.
 */
export function openStorage(
  config: Pick<ServerConfig, "dbPath" | "synchronous">,
  logger: Logger,
  onCommit?: (seconds: number) => void,
): Storage {
  try {
    return new SqliteStorage({
      path: config.dbPath,
      synchronous: config.synchronous,
      onError: (error, context) => logger.error({ err: error, context }, "storage background error"),
      ...(onCommit && { onCommit }),
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError(`SESSIONMOOD_DB="${config.dbPath}" cannot be opened for writing: ${reason}`);
  }
}
