import { closedLoop, rawRequest } from "./http-load.js";

export const BATCH = 20;
export const CONNECTIONS = 32;
export const SESSIONS_PER_CONNECTION = 100;
/** Sessions start an hour ago, leaving room for hundreds of batches before their events reach now. */
const START_S = Date.now() / 1000 - 3600;

/**
 * A closed-loop load of 20-event batches over 32 connections, 100 sessions each. Each session's
 * batches follow one another in time, as a page's do, across every run of this process.
 */
const bodies = [];
const batchesSent = new Map();
const bodyFor = (n) => (bodies[n] ??= JSON.stringify({ events: sampleBatch(n) }));

export const ingestPath = (c, i) => `/v1/sessions/bench-${c}-${i % SESSIONS_PER_CONNECTION}/events`;

export function ingestLoad(port, auth, seconds) {
  return closedLoop(port, {
    connections: CONNECTIONS,
    seconds,
    nextRequest: (c, i) => {
      const path = ingestPath(c, i);
      const n = batchesSent.get(path) ?? 0;
      batchesSent.set(path, n + 1);
      return rawRequest("POST", path, { "Content-Type": "application/json", ...auth }, bodyFor(n));
    },
  });
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

