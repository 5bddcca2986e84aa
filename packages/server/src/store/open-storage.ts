import type { ServerConfig } from "../config.js";
import type { Logger } from "../logger.js";
import { SqliteStorage } from "./sqlite/sqlite-storage.js";
import type { Storage } from "./storage.js";

/** The storage the configuration names, with its background problems logged. */
export function openStorage(config: Pick<ServerConfig, "dbPath" | "synchronous">, logger: Logger): Storage {
  return new SqliteStorage({
    path: config.dbPath,
    synchronous: config.synchronous,
    onError: (error, context) => logger.error({ err: error, context }, "storage background error"),
  });
}
