/**
 * Live benchmark (not a test): run with `pnpm bench` after a build.
 *
 * 1. Ingest (as bench/ingest.js) with 100 server-sent event streams open on the account and a
 *    webhook receiver on loopback taking every mood change, against the bare floor.
 * 2. How long after a batch is sent its mood change reaches a stream: p50 / p99 of 200, one at a time.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, get } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { startRole } from "./bench-servers.js";
import { BATCH, CONNECTIONS, ingestLoad } from "./ingest-load.js";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const STREAMS = 100;
const LATENCY_SAMPLES = 200;
const GOALS = { ofBareFloor: 0.25, latencyMs: 100 };
/** A visitor's browser: a crawler's batches are ignored. */
const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";
const RAGE = [
  { type: "rage_click", x: 10, y: 20 },
  { type: "error", message: "Payment failed" },
  { type: "rage_click", x: 11, y: 21 },
  { type: "back_nav" },
];

const dir = mkdtempSync(join(tmpdir(), "sessionmood-bench-"));
const sockets = [];
let received = 0;
const receiver = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    received += 1;
    res.writeHead(204).end();
  });
});
try {
  await new Promise((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const real = await startRole("real", dir);
  const api = (method, path, body) =>
    fetch(real.url + path, {
      method,
      headers: { "x-api-key": real.secret, "content-type": "application/json", "user-agent": BROWSER },
      ...(body && { body: JSON.stringify(body) }),
    }).then((response) => response.json());
  await api("PATCH", "/v1/settings", { webhook: { url: `http://127.0.0.1:${receiver.address().port}/hook` } });
  await api("POST", "/v1/webhooks/secret");

  // Streams read what they get; one that falls too far behind is dropped by the server.
  const arrivals = new Map();
  let dropped = 0;
  const openStream = () =>
    new Promise((resolve) => {
      const request = get(`${real.url}/v1/stream`, { headers: { "x-api-key": real.secret } }, (response) => {
        response.setEncoding("utf8");
        response.on("data", (chunk) => {
          for (const match of chunk.matchAll(/"session_id":"(latency-\d+)"/g)) arrivals.get(match[1])?.(performance.now());
        });
        response.on("close", () => void (request.destroyed || dropped++));
        resolve();
      });
      sockets.push(request);
    });
  for (let i = 0; i < STREAMS; i++) await openStream();

  const auth = { "X-Api-Key": real.key };
  await ingestLoad(real.port, auth, SECONDS); // warm-up
  const live = await ingestLoad(real.port, auth, SECONDS);
  const bare = await startRole("bare", dir);
  await ingestLoad(bare.port, {}, SECONDS);
  const floor = await ingestLoad(bare.port, {}, SECONDS);
  bare.process.kill();

  const droppedUnderLoad = dropped;
  await openStream();
  const latencies = [];
  for (let i = 0; i < LATENCY_SAMPLES; i++) {
    const id = `latency-${i}`;
    const arrived = new Promise((resolve) => arrivals.set(id, resolve));
    const sent = performance.now();
    await fetch(`${real.url}/v1/sessions/${id}/events`, {
      method: "POST",
      headers: { "x-api-key": real.key, "content-type": "application/json", "user-agent": BROWSER },
      body: JSON.stringify({ events: RAGE }),
    }).then((response) => response.arrayBuffer());
    latencies.push((await arrived) - sent);
  }
  latencies.sort((a, b) => a - b);
  const p = (q) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))];
  const deliveries = await api("GET", "/v1/webhooks/deliveries");
  for (const socket of sockets) socket.destroy();
  real.process.kill("SIGTERM");

  const ratio = live.perSecond / floor.perSecond;
  console.log(`ingest with ${STREAMS} open streams and a webhook receiver, ${BATCH}-event batches, ${CONNECTIONS} connections, ${SECONDS}s`);
  console.log(`  server      ${fmt(live.perSecond * BATCH)} events/s  ${JSON.stringify(live.statuses)}`);
  console.log(`  bare http   ${fmt(floor.perSecond * BATCH)} events/s`);
  console.log(`  ratio       ${ratio.toFixed(2)}x of the bare floor; webhook requests received: ${received}, latest delivery ${deliveries.deliveries[0]?.status}`);
  console.log(`  streams dropped for falling behind (this process was busy sending the load): ${droppedUnderLoad} of ${STREAMS}`);
  console.log(`mood change from batch sent to stream, ${LATENCY_SAMPLES} one at a time: p50 ${p(0.5).toFixed(1)} ms, p99 ${p(0.99).toFixed(1)} ms, max ${latencies.at(-1).toFixed(1)} ms`);
  const verdict = (met) => (met ? "met" : "MISSED");
  console.log(
    `goals: ≥ ${GOALS.ofBareFloor}x the bare floor ${verdict(ratio >= GOALS.ofBareFloor)}, ` +
      `change on the stream within ${GOALS.latencyMs} ms (p99) ${verdict(p(0.99) <= GOALS.latencyMs)}`,
  );
} finally {
  receiver.close();
  rmSync(dir, { recursive: true, force: true });
}

function fmt(n) {
  return Math.round(n).toLocaleString("en-US").padStart(8);
}
