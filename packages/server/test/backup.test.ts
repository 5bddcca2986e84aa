import { spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import BetterSqlite3 from "better-sqlite3";
import { afterAll, beforeAll, expect, test } from "vitest";
import { RAGE, startTestServer, type TestServer } from "./test-server.js";

const BACKUP = fileURLToPath(new URL("../dist/backup.js", import.meta.url));

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, [BACKUP, ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve) => child.once("close", (code) => resolve({ code, out: out.trim() })));
}

test("a backup of the live database, taken while the server runs, holds what was stored", async () => {
  const shop = await server.signUp();
  await server.call("POST", "/v1/sessions/kept/events", { key: shop.secret, body: { events: RAGE } });
  const destination = join(server.dir, "backup.db");
  const { code, out } = await run([destination], { SESSIONMOOD_DB: server.dbPath });
  expect(code).toBe(0);
  expect(out).toMatch(/^backed up .* to .*backup\.db \(\d+ pages\)$/);
  const copy = new BetterSqlite3(destination, { readonly: true });
  try {
    expect(copy.prepare("SELECT event_count FROM sessions WHERE session_id = 'kept'").pluck().get()).toBe(4);
  } finally {
    copy.close();
  }
});

test("without a destination, or without a database, one line says what is wrong", async () => {
  expect(await run([], { SESSIONMOOD_DB: server.dbPath })).toEqual({
    code: 1,
    out: "SessionMood backup failed: give the backup's destination path: sessionmood-backup <destination>",
  });
  const missing = await run([join(server.dir, "x.db")], { SESSIONMOOD_DB: join(server.dir, "nothing-here.db") });
  expect(missing.code).toBe(1);
  expect(missing.out).toMatch(/^SessionMood backup failed: /);
});
