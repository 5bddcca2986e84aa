/**
 * Analytics benchmark (not a test): run with `pnpm bench` after a build.
 *
 * Seeds one pro account with 100,000 sessions spread over 90 days (through the storage, as
 * imported history: events with past `ts`), then times each analytics read over the last 30
 * and the last 90 days through the real server: p50 and p95 of REPEAT sequential requests.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 100_000);
const DAYS = 90;
const REPEAT = 40;
const DAY_MS = 24 * 60 * 60 * 1000;
const GOALS_MS = { 30: 100, 90: 200 };
const PATHS = ["/", "/products", "/products/lamp", "/products/chair", "/cart", "/checkout", "/signup", "/help", "/blog", "/about"];

const { SqliteStorage } = await import("../dist/store/sqlite/sqlite-storage.js");
const { generateKey, hashKey } = await import("../dist/keys/api-key.js");
const { startServer } = await import("../dist/server.js");

const dir = mkdtempSync(join(tmpdir(), "sessionmood-bench-"));
const dbPath = join(dir, "analytics.db");
const now = Date.now();
try {
  const secret = generateKey("secret");
  const seeded = await seed(secret);
  console.log(`seeded ${SESSIONS.toLocaleString("en-US")} sessions, ${seeded.events.toLocaleString("en-US")} events over ${DAYS} days in ${(seeded.ms / 1000).toFixed(1)} s`);

  const server = await startServer({ port: 0, dbPath, logLevel: "silent", rateLimitPerMinute: 0 });
  try {
    const iso = (ms) => new Date(ms).toISOString();
    const reads = [
      ["trend by day", (from) => `/v1/analytics/trend?interval=day&tz=America/New_York&from=${iso(from)}&to=${iso(now)}`],
      ["trend by hour (30 days)", (from, days) => days === 30 && `/v1/analytics/trend?interval=hour&tz=Asia/Kolkata&from=${iso(from)}&to=${iso(now)}`],
      ["weekday", (from) => `/v1/analytics/weekday?tz=Europe/Berlin&from=${iso(from)}&to=${iso(now)}`],
      ["moods", (from) => `/v1/analytics/moods?from=${iso(from)}&to=${iso(now)}`],
      ["pages", (from) => `/v1/analytics/pages?from=${iso(from)}&to=${iso(now)}`],
      ["actions", () => "/v1/analytics/actions"],
      ["alerts (evaluated on read)", () => "/v1/alerts?status=all"],
    ];
    console.log(`analytics reads, ${REPEAT} sequential requests each: p50 / p95 (goal p95 ≤ ${GOALS_MS[30]} ms for 30 days, ≤ ${GOALS_MS[90]} ms for 90)`);
    const verdicts = [];
    for (const days of [30, 90]) {
      for (const [name, pathFor] of reads) {
        const path = pathFor(now - days * DAY_MS, days);
        if (!path) continue;
        const times = [];
        for (let i = 0; i < REPEAT + 3; i++) {
          const start = performance.now();
          const response = await fetch(server.url + path, { headers: { "x-api-key": secret } });
          await response.arrayBuffer();
          if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
          if (i >= 3) times.push(performance.now() - start);
        }
        times.sort((a, b) => a - b);
        const p50 = times[Math.floor(times.length * 0.5)];
        const p95 = times[Math.floor(times.length * 0.95)];
        verdicts.push(p95 <= GOALS_MS[days]);
        console.log(`  ${String(days).padStart(2)} days  ${name.padEnd(28)} ${p50.toFixed(1).padStart(6)} ms / ${p95.toFixed(1).padStart(6)} ms`);
      }
    }
    console.log(`goal: ${verdicts.every(Boolean) ? "met" : "MISSED"} (${verdicts.filter(Boolean).length}/${verdicts.length} reads within it)`);
  } finally {
    await server.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** Sessions of 2–4 page visits each, a fifth of them struggling somewhere, with some feedback. */
async function seed(secret) {
  const storage = new SqliteStorage({ path: dbPath, synchronous: "NORMAL", onError: (error) => console.error(error) });
  const started = performance.now();
  let events = 0;
  let random = 42;
  const next = () => ((random = (random * 1103515245 + 12345) % 2147483648) / 2147483648);
  try {
    const account = await storage.createAccount(
      { name: "Bench", email: null, plan: "pro", allowedOrigins: null, createdAt: now },
      { secret: hashKey(secret), publishable: hashKey(generateKey("publishable")) },
      generateKey("publishable"),
    );
    const pending = [];
    for (let s = 0; s < SESSIONS; s++) {
      const start = now - DAYS * DAY_MS + next() * (DAYS * DAY_MS - 3_600_000);
      const batch = [];
      const visits = 2 + Math.floor(next() * 3);
      for (let v = 0; v < visits; v++) {
        const ts = start / 1000 + v * 40;
        batch.push({ type: "page_view", url: PATHS[Math.floor(next() * PATHS.length)], ts });
        if (next() < 0.1) {
          batch.push({ type: "rage_click", x: 5, y: 5, ts: ts + 2 }, { type: "error", message: "Failed", ts: ts + 3 }, { type: "rage_click", x: 6, y: 5, ts: ts + 4 });
        } else {
          batch.push({ type: "scroll", speed: 300, direction: "down", ts: ts + 5 }, { type: "click", x: 40, y: 300, ts: ts + 12 });
        }
      }
      events += batch.length;
      pending.push(
        storage.recordBatch({
          accountId: account.id,
          sessionId: `s${s}`,
          batchId: null,
          events: batch,
          receivedAt: now,
          retentionMs: DAYS * DAY_MS,
          month: "bench",
          newSessionsPerMonth: Number.MAX_SAFE_INTEGER,
          maxSessionEvents: 10_000,
        }),
      );
      if (pending.length === 500) await Promise.all(pending.splice(0));
    }
    await Promise.all(pending);
    return { events, ms: performance.now() - started };
  } finally {
    await storage.close();
  }
}
