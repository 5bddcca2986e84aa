import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, expect, test } from "vitest";
import { WalCheckpointer } from "../../src/store/wal-checkpointer.js";
import { temporaryDirectory } from "../test-server.js";

let dir: ReturnType<typeof temporaryDirectory>;
beforeEach(() => {
  dir = temporaryDirectory();
});
afterEach(() => {
  dir.remove();
});

test("a checkpoint that fails is reported once, not at every interval, and stop still ends the thread", async () => {
  // SQLite opens any file lazily; the first checkpoint finds it is not a database.
  const path = join(dir.path, "not-a-database.db");
  writeFileSync(path, "x".repeat(8192));
  const errors: Error[] = [];
  let reported!: () => void;
  const firstReport = new Promise<void>((resolve) => (reported = resolve));

  const checkpointer = new WalCheckpointer(path, 1, (error) => {
    errors.push(error);
    reported();
  });
  await firstReport;
  // Many more intervals pass before the thread has stopped.
  await new Promise((resolve) => setTimeout(resolve, 50));
  await checkpointer.stop();

  expect(errors).toHaveLength(1);
  expect(errors[0]?.message).toMatch(/not a database/);
});

test("a thread that cannot open its database is reported, and stop does not wait for it forever", async () => {
  const errors: Error[] = [];
  let reported!: () => void;
  const firstReport = new Promise<void>((resolve) => (reported = resolve));

  const checkpointer = new WalCheckpointer(join(dir.path, "missing", "dir", "x.db"), 1, (error) => {
    errors.push(error);
    reported();
  });
  await firstReport;
  await checkpointer.stop();

  expect(errors[0]?.message).toMatch(/directory does not exist|unable to open/);
});
