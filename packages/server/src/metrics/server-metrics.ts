import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/** What /metrics reports, on a registry of the server's own (several servers may share a process). */
export interface ServerMetrics {
  registry: Registry;
  requests: Counter<"route" | "method" | "status">;
  ingestedEvents: Counter;
  commitSeconds: Histogram;
}

/** The server's metrics; `queueDepth` and `openStreams` are read when scraped. */
export function createMetrics(read: { queueDepth(): number; openStreams(): number }): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "sessionmood_" });
  const registers = [registry];
  new Gauge({
    name: "sessionmood_batch_queue_depth",
    help: "Batches waiting for the next commit.",
    registers,
    collect() {
      this.set(read.queueDepth());
    },
  });
  new Gauge({
    name: "sessionmood_open_streams",
    help: "Server-sent event streams open on this process.",
    registers,
    collect() {
      this.set(read.openStreams());
    },
  });
  return {
    registry,
    requests: new Counter({
      name: "sessionmood_http_requests_total",
      help: "API requests answered, by route (its path template), method and status.",
      labelNames: ["route", "method", "status"],
      registers,
    }),
    ingestedEvents: new Counter({ name: "sessionmood_ingested_events_total", help: "Events stored.", registers }),
    commitSeconds: new Histogram({
      name: "sessionmood_batch_commit_seconds",
      help: "How long one commit of a group of batches takes.",
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers,
    }),
  };
}
