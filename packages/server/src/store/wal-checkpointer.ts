import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/**
 * Runs SQLite's WAL checkpoints on a thread of its own, with its own connection. Left to the
 * writing connection, a checkpoint (copying the log into the database file, then fsync) would
 * stall every request behind it; PASSIVE checkpoints never block the writer.
 */
export class WalCheckpointer {
  private readonly worker: Worker;
  private readonly exited: Promise<void>;

  /**
   * `onError` hears of a checkpoint that failed (once until one succeeds again, not every
   * interval) and of a thread that could not run at all.
   */
  constructor(path: string, intervalMs: number, onError: (error: Error) => void = () => {}) {
    const driver = createRequire(import.meta.url).resolve("better-sqlite3");
    // Inline CommonJS, so the same code runs from src/ under the test runner and from dist/.
    this.worker = new Worker(CHECKPOINT_LOOP, { eval: true, workerData: { driver, path, intervalMs } });
    this.worker.on("message", (failure: { message: string; stack?: string }) => {
      onError(Object.assign(new Error(failure.message), { stack: failure.stack }));
    });
    this.worker.on("error", onError);
    this.exited = new Promise((resolve) => this.worker.once("exit", () => resolve()));
    this.worker.unref();
  }

  /** Stops checkpointing and closes the thread's connection. */
  async stop(): Promise<void> {
    // Unreferenced, the thread would let the process end before it had closed.
    this.worker.ref();
    this.worker.postMessage("stop");
    await this.exited;
  }
}

const CHECKPOINT_LOOP = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma("busy_timeout = 5000");
let failing = false;
const timer = setInterval(() => {
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
    failing = false;
  } catch (error) {
    if (!failing) parentPort.postMessage({ message: String(error && error.message), stack: error && error.stack });
    failing = true;
  }
}, workerData.intervalMs);
parentPort.once("message", () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;
