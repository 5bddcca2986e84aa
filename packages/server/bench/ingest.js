/**
 * Ingest and mood-read benchmark (not a test): run with `pnpm bench` after a build.
 *
 * 1. POST batches of 20 events through the real server (SQLite file in a temporary directory),
 *    then the same bodies to a bare node:http server that only reads and JSON-parses them:
 *    events/s of each and their ratio.
 * 2. GET /v1/sessions/:id/mood at a steady 1,000 requests/s: latency percentiles.
 *
 * Each server runs in a child process, the load in this one, so they do not share a core.
 */
import { fork } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { closedLoop, openLoop, rawRequest } from "./http-load.js";

const BATCH = 20;
const CONNECTIONS = 32;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const SESSIONS_PER_CONNECTION = 100;
const MOOD_RATE = 1000;
const ADMIN_TOKEN = "bench-admin-token-0123456789abcdef";
/** Sessions start an hour ago, leaving room for hundreds of batches before their events reach now. */
const START_S = Date.now() / 1000 - 3600;
const GOALS = { eventsPerSecond: 50_000, ofBareFloor: 0.3, moodP99Ms: 5 };

const role = process.argv[2];
if (role === "real") await serveReal();
else if (role === "bare") serveBare();
else await main();

async function main() {
  // Each session's batches follow one another in time, as a page's do.
  const bodies = [];
  const bodyFor = (n) => (bodies[n] ??= JSON.stringify({ events: sampleBatch(n) }));
  const batchesSent = new Map();
  const nextBody = (session) => {
    const n = batchesSent.get(session) ?? 0;
    batchesSent.set(session, n + 1);
    return bodyFor(n);
  };
  const dir = mkdtempSync(join(tmpdir(), "sessionmood-bench-"));
  try {
    const real = await child("real", dir);
    const { key, secret } = real;
    const ingestPath = (c, i) => `/v1/sessions/bench-${c}-${i % SESSIONS_PER_CONNECTION}/events`;
    const ingest = (port, auth) =>
      closedLoop(port, {
        connections: CONNECTIONS,
        seconds: SECONDS,
        nextRequest: (c, i) =>
          rawRequest("POST", ingestPath(c, i), { "Content-Type": "application/json", ...auth }, nextBody(ingestPath(c, i))),
      });

    await ingest(real.port, { "X-Api-Key": key }); // warm-up: JIT, page cache, sessions created
    const server = await ingest(real.port, { "X-Api-Key": key });

    const bare = await child("bare", dir);
    await ingest(bare.port, {});
    const floor = await ingest(bare.port, {});
    bare.process.kill();

    const moodPath = (i) => `/v1/sessions/bench-${i % CONNECTIONS}-${i % SESSIONS_PER_CONNECTION}/mood`;
    const moods = await openLoop(real.port, {
      rate: MOOD_RATE,
      seconds: SECONDS,
      connections: 16,
      nextRequest: (i) => rawRequest("GET", moodPath(i), { "X-Api-Key": secret }),
    });
    real.process.kill("SIGTERM");

    const serverEvents = server.perSecond * BATCH;
    const floorEvents = floor.perSecond * BATCH;
    console.log(`ingest, ${BATCH}-event batches, ${CONNECTIONS} connections, ${SECONDS}s each`);
    console.log(`  server      ${fmt(serverEvents)} events/s  (${fmt(server.perSecond)} req/s)  ${JSON.stringify(server.statuses)}`);
    console.log(`  bare http   ${fmt(floorEvents)} events/s  (${fmt(floor.perSecond)} req/s)  ${JSON.stringify(floor.statuses)}`);
    console.log(`  ratio       ${(serverEvents / floorEvents).toFixed(2)}x of the bare floor`);
    console.log(`GET /mood at ${MOOD_RATE} req/s for ${SECONDS}s (${moods.count} requests) ${JSON.stringify(moods.statuses)}`);
    console.log(`  p50 ${ms(moods.p50)}  p90 ${ms(moods.p90)}  p99 ${ms(moods.p99)}  max ${ms(moods.max)}`);
    const verdict = (met) => (met ? "met" : "MISSED");
    console.log(
      `goals: ≥ ${fmt(GOALS.eventsPerSecond).trim()} events/s ${verdict(serverEvents >= GOALS.eventsPerSecond)}, ` +
        `≥ ${GOALS.ofBareFloor}x the bare floor ${verdict(serverEvents / floorEvents >= GOALS.ofBareFloor)}, ` +
        `mood p99 ≤ ${GOALS.moodP99Ms} ms ${verdict(moods.p99 <= GOALS.moodP99Ms)}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Starts a server role in a child process; resolves with what it reports once listening. */
function child(role, dir) {
  const process_ = fork(new URL(import.meta.url), [role, dir], { stdio: "inherit" });
  return new Promise((resolve, reject) => {
    process_.once("message", (message) => resolve({ ...message, process: process_ }));
    process_.once("exit", (code) => reject(new Error(`${role} server exited with ${code}`)));
  });
}

async function serveReal() {
  const { startServer } = await import("../dist/server.js");
  // The burst limiter is off: one client address sends everything here.
  const server = await startServer({
    port: 0,
    dbPath: join(process.argv[3], "bench.db"),
    logLevel: "silent",
    rateLimitPerMinute: 0,
    adminToken: ADMIN_TOKEN,
  });
  const keys = await (
    await fetch(`${server.url}/v1/keys/generate`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ customer_name: "Bench", plan: "pro" }),
    })
  ).json();
  process.on("SIGTERM", () => void server.close().then(() => process.exit(0)));
  process.send({ port: server.port, key: keys.publishable_key, secret: keys.api_key });
}

function serveBare() {
  const server = createServer((req, res) => {
    const chunks = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("end", () => {
      JSON.parse(Buffer.concat(chunks).toString("utf8"));
      const answer = '{"ok":true}';
      res.writeHead(200, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(answer) });
      res.end(answer);
    });
  });
  server.listen(0, "127.0.0.1", () => process.send({ port: server.address().port }));
}

/** A realistic batch, the `n`th of its session: a visitor browsing, hesitating, then struggling with a form. */
function sampleBatch(n) {
  const ts = START_S + n * BATCH * 0.4;
  const kinds = [
    { type: "page_view", url: "https://shop.example/checkout" },
    { type: "scroll", speed: 850, direction: "down" },
    { type: "click", x: 412, y: 688 },
    { type: "hover", duration_ms: 2300 },
    { type: "focus" },
    { type: "input_pause", duration_ms: 3100 },
    { type: "blur" },
    { type: "click", x: 530, y: 702, dead: true },
    { type: "rage_click", x: 531, y: 701 },
    { type: "error", message: "Card declined: please check the number" },
  ];
  return Array.from({ length: BATCH }, (_, i) => ({ ...kinds[i % kinds.length], ts: ts + i * 0.4 }));
}

function fmt(n) {
  return Math.round(n).toLocaleString("en-US").padStart(8);
}
function ms(n) {
  return `${n.toFixed(2)} ms`;
}
