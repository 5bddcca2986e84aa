/**
 * Retention purge benchmark (not a test): run with `pnpm bench` after a build.
 *
 * Seeds 100,000 sessions past retention (one 20-event batch and some feedback each) next to
 * 10,000 live ones, then purges in chunks as the server does, measuring how long the event loop
 * stalls: per chunk (each transaction timed) and as the event loop's own delay histogram, next to
 * that histogram's maximum over as long a time with no work at all (the machine's own noise).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import BetterSqlite3 from "better-sqlite3";
import { LIMITS } from "../dist/limits.js";
import { DAY_MS, PLANS } from "../dist/plans.js";
import { purgeInChunks } from "../dist/retention/retention-purge.js";
import { SqliteStorage } from "../dist/store/sqlite/sqlite-storage.js";

const EXPIRED = 100_000;
const LIVE = 10_000;
const EVENTS_PER_BATCH = 20;
const GOAL_STALL_MS = 20;

const dir = mkdtempSync(join(tmpdir(), "sessionmood-bench-"));
try {
  const path = join(dir, "purge.db");
  const now = Date.now();
  const open = () => new SqliteStorage({ path, synchronous: "NORMAL", onError: (error) => console.error(error) });

  let storage = open();
  const account = await storage.createAccount(
    { name: "Bench", email: null, plan: "starter", allowedOrigins: null, createdAt: now },
    { secret: Buffer.from("bench-secret"), publishable: Buffer.from("bench-publishable") },
  );
  await storage.close();
  const seedStart = performance.now();
  seed(path, account.id, now);
  const seedMs = performance.now() - seedStart;

  storage = open();
  const chunkMs = [];
  const timed = {
    purgeExpired: async (...args) => {
      const start = performance.now();
      const rows = await storage.purgeExpired(...args);
      chunkMs.push(performance.now() - start);
      return rows;
    },
  };
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const start = performance.now();
  const rows = await purgeInChunks(timed, PLANS, now);
  const purgeMs = performance.now() - start;
  loop.disable();
  const left = await storage.moodCounts(account.id);
  await storage.close();
  const floorMs = await noiseFloor(purgeMs);

  const maxChunk = Math.max(...chunkMs);
  const sorted = [...chunkMs].sort((a, b) => a - b);
  const percentile = (p) => sorted[Math.floor(sorted.length * p)].toFixed(2);
  const maxDelay = loop.max / 1e6;
  console.log(`retention purge: ${fmt(EXPIRED)} expired sessions next to ${fmt(LIVE)} live (seeded in ${(seedMs / 1000).toFixed(1)} s)`);
  console.log(`  purged       ${fmt(rows)} rows in ${(purgeMs / 1000).toFixed(2)} s  (${fmt(rows / (purgeMs / 1000))} rows/s)`);
  console.log(`  chunks       ${chunkMs.length} of ≤ ${LIMITS.PURGE_CHUNK_ROWS} rows: p50 ${percentile(0.5)} ms, p99 ${percentile(0.99)} ms, max ${maxChunk.toFixed(2)} ms`);
  console.log(`  event loop   max delay ${maxDelay.toFixed(2)} ms (monitorEventLoopDelay)`);
  console.log(`  left         ${fmt(left.totalSessions)} sessions (expected ${fmt(LIVE)})`);
  console.log(`  noise floor  max delay ${floorMs.toFixed(2)} ms over as long with nothing but yields (other load on the machine)`);
  console.log(`goal: longest chunk ≤ ${GOAL_STALL_MS} ms ${maxChunk <= GOAL_STALL_MS ? "met" : "MISSED"} (${maxChunk.toFixed(2)} ms)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** The event loop's longest delay over `ms` of yielding only: what the machine adds by itself. */
async function noiseFloor(ms) {
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const end = performance.now() + ms;
  while (performance.now() < end) await new Promise((resolve) => setImmediate(resolve));
  loop.disable();
  return loop.max / 1e6;
}

/** Writes the sessions straight into the file in one transaction: the purge is what is measured. */
function seed(path, accountId, now) {
  const db = new BetterSqlite3(path);
  const insertSession = db.prepare(
    `INSERT INTO sessions (account_id, session_id, created_at, updated_at, event_count, mood, state)
     VALUES (?, ?, ?, ?, ?, 'neutral', '{}')`,
  );
  const insertBatch = db.prepare(
    `INSERT INTO event_batches (session_pk, account_id, batch_id, first_seq, received_at, first_at, last_at, events)
     VALUES (?, ?, ?, 0, ?, ?, ?, ?)`,
  );
  const insertFeedback = db.prepare(
    "INSERT INTO feedback (session_pk, action_taken, was_helpful, notes, created_at) VALUES (?, 'live_chat', 1, NULL, ?)",
  );
  db.transaction(() => {
    for (let i = 0; i < EXPIRED + LIVE; i++) {
      const at = i < EXPIRED ? now - (PLANS.starter.retentionDays + 1 + (i % 30)) * DAY_MS : now - (i % 5) * DAY_MS;
      const events = JSON.stringify(sampleBatch(at / 1000));
      const pk = Number(insertSession.run(accountId, `s-${i}`, at, at, EVENTS_PER_BATCH).lastInsertRowid);
      insertBatch.run(pk, accountId, `b-${i}`, at, at, at, events);
      if (i % 10 === 0) insertFeedback.run(pk, at);
    }
  })();
  db.close();
}

function sampleBatch(ts) {
  const kinds = [
    { type: "page_view", url: "https://shop.example/checkout" },
    { type: "scroll", speed: 850, direction: "down" },
    { type: "click", x: 412, y: 688 },
    { type: "input_pause", duration_ms: 3100 },
    { type: "rage_click", x: 531, y: 701 },
  ];
  return Array.from({ length: EVENTS_PER_BATCH }, (_, i) => ({ ...kinds[i % kinds.length], ts: ts + i * 0.4 }));
}

function fmt(n) {
  return Math.round(n).toLocaleString("en-US");
}
