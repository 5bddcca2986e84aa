import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/**
 * Runs SQLite's WAL checkpoints on a thread of its own, with its own connection. Left to the
 * writing connection, a checkpoint (copying the log into the database file, then fsync) would
 * stall every request behind it; PASSIVE checkpoints never block the writer.
 */
export class WalCheckpointer {
  private readonly worker: Worker;

  constructor(path: string, intervalMs: number) {
    const driver = createRequire(import.meta.url).resolve("better-sqlite3");
    // Inline CommonJS, so the same code runs from src/ under the test runner and from dist/.
    this.worker = new Worker(CHECKPOINT_LOOP, { eval: true, workerData: { driver, path, intervalMs } });
    this.worker.unref();
  }

  /** Stops checkpointing and closes the thread's connection. */
  async stop(): Promise<void> {
    // Unreferenced, the thread would let the process end before it had closed.
    this.worker.ref();
    this.worker.postMessage("stop");
    await new Promise((resolve) => this.worker.once("exit", resolve));
  }
}

const CHECKPOINT_LOOP = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma("busy_timeout = 5000");
const timer = setInterval(() => {
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
  } catch {}
}, workerData.intervalMs);
parentPort.once("message", () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;
