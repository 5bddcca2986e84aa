import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterEach, beforeEach, expect, test } from "vitest";
import { startChildServer, type ChildServer } from "./child-server.js";
import { temporaryDirectory } from "./test-server.js";

const WRITERS = 16;
const ACKS_BEFORE_KILL = 200;
const BATCH = 5;

const children: ChildServer[] = [];
let dir: ReturnType<typeof temporaryDirectory>;
beforeEach(() => {
  dir = temporaryDirectory();
});
afterEach(async () => {
  for (const child of children.splice(0)) {
    child.process.kill("SIGKILL");
    await child.exited;
  }
  dir.remove();
});

async function start(dbPath: string): Promise<ChildServer> {
  const child = await startChildServer({ SESSIONMOOD_DB: dbPath, SESSIONMOOD_RATE_LIMIT: "0" });
  children.push(child);
  return child;
}

test("every batch answered 200 is still there after the server is killed with SIGKILL", async () => {
  const dbPath = join(dir.path, "crash.db");
  const first = await start(dbPath);
  const keys = await (
    await fetch(`${first.url}/v1/keys/generate`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ customer_name: "Crash", plan: "pro" }),
    })
  ).json();

  // Each writer posts batches to its own session, one after another; a batch's events carry
  // its number as ts, so each acknowledged batch can be found again.
  const acknowledged: { session: string; marker: number; total: number }[] = [];
  let reachedKillPoint: () => void;
  const killPoint = new Promise<void>((resolve) => (reachedKillPoint = resolve));
  let killed = false;
  const writer = async (w: number) => {
    const session = `crash-${w}`;
    for (let n = 1; !killed; n++) {
      const marker = w * 1_000_000 + n;
      const events = Array.from({ length: BATCH }, () => ({ type: "click", ts: marker }));
      try {
        const response = await fetch(`${first.url}/v1/sessions/${session}/events`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-api-key": keys.api_key },
          body: JSON.stringify({ events }),
        });
        if (response.status !== 200) throw new Error(`status ${response.status}`);
        const body = await response.json();
        acknowledged.push({ session, marker, total: body.total_events });
        if (acknowledged.length >= ACKS_BEFORE_KILL) reachedKillPoint();
      } catch {
        return; // The server is gone: this batch was never acknowledged.
      }
    }
  };
  const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));

  await killPoint;
  killed = true;
  first.process.kill("SIGKILL");
  expect(await first.exited).toBe("SIGKILL");
  await Promise.all(writers);
  children.splice(children.indexOf(first), 1);

  const second = await start(dbPath);
  for (const { session, total } of lastAcknowledgedTotals(acknowledged)) {
    const mood = await (
      await fetch(`${second.url}/v1/sessions/${session}/mood`, { headers: { "x-api-key": keys.api_key } })
    ).json();
    expect(mood.event_count).toBeGreaterThanOrEqual(total);
  }

  const db = new BetterSqlite3(dbPath, { readonly: true });
  try {
    const stored = new Set(
      (db.prepare("SELECT events ->> '$[0].ts' FROM event_batches").pluck().all() as number[]).map(Number),
    );
    const missing = acknowledged.filter(({ marker }) => !stored.has(marker));
    expect(missing).toEqual([]);
  } finally {
    db.close();
  }
  expect(acknowledged.length).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);
}, 30_000);

test("SIGTERM shuts the server down gracefully", async () => {
  const child = await start(join(dir.path, "graceful.db"));
  expect((await fetch(`${child.url}/health`)).status).toBe(200);
  child.process.kill("SIGTERM");
  expect(await child.exited).toBe(0);
  children.splice(children.indexOf(child), 1);
  expect(child.lines.map((line) => line.msg)).toEqual(expect.arrayContaining(["shutting down", "closed"]));
}, 30_000);

function lastAcknowledgedTotals(acks: readonly { session: string; total: number }[]) {
  const totals = new Map<string, number>();
  for (const { session, total } of acks) totals.set(session, Math.max(total, totals.get(session) ?? 0));
  return [...totals].map(([session, total]) => ({ session, total }));
}
