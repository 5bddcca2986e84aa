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
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startRole } from "./bench-servers.js";
import { openLoop, rawRequest } from "./http-load.js";
import { BATCH, CONNECTIONS, ingestLoad, SESSIONS_PER_CONNECTION } from "./ingest-load.js";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const MOOD_RATE = 1000;
const GOALS = { eventsPerSecond: 50_000, ofBareFloor: 0.3, moodP99Ms: 5 };

await main();

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "sessionmood-bench-"));
  try {
    const real = await startRole("real", dir);
    const { key, secret } = real;
    const ingest = (port, auth) => ingestLoad(port, auth, SECONDS);

    await ingest(real.port, { "X-Api-Key": key }); // warm-up: JIT, page cache, sessions created
    const server = await ingest(real.port, { "X-Api-Key": key });

    const bare = await startRole("bare", dir);
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

function fmt(n) {
  return Math.round(n).toLocaleString("en-US").padStart(8);
}
function ms(n) {
  return `${n.toFixed(2)} ms`;
}
