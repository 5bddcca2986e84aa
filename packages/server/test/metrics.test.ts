import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { afterAll, beforeAll, expect, test } from "vitest";
import { ADMIN_TOKEN, RAGE, startTestServer, type TestServer } from "./test-server.js";

interface Family {
  name: string;
  type: string;
  metrics: { value?: string; count?: string; labels?: Record<string, string> }[];
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ adminToken: ADMIN_TOKEN });
});
afterAll(() => server.close());

async function scrape(): Promise<Map<string, Family>> {
  const response = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  const families = parsePrometheusTextFormat(await response.text()) as Family[];
  return new Map(families.map((family) => [family.name, family]));
}

const requests = (families: Map<string, Family>, route: string, status: string) =>
  Number(
    families.get("sessionmood_http_requests_total")?.metrics.find((m) => m.labels?.route === route && m.labels.status === status)
      ?.value ?? 0,
  );

test("the operator's metrics parse as Prometheus text, and move with the traffic", async () => {
  const shop = await server.signUp();
  const before = await scrape();
  await server.call("POST", "/v1/sessions/m/events", { key: shop.publishable, body: { events: RAGE } });
  await server.call("POST", "/v1/sessions/m/events", { key: shop.publishable, body: { events: [] } });
  const after = await scrape();

  expect(requests(after, "/v1/sessions/:id/events", "200") - requests(before, "/v1/sessions/:id/events", "200")).toBe(1);
  expect(requests(after, "/v1/sessions/:id/events", "400") - requests(before, "/v1/sessions/:id/events", "400")).toBe(1);
  const events = (families: Map<string, Family>) => Number(families.get("sessionmood_ingested_events_total")!.metrics[0]!.value);
  expect(events(after) - events(before)).toBe(RAGE.length);
  const commits = (families: Map<string, Family>) => Number(families.get("sessionmood_batch_commit_seconds")!.metrics[0]!.count);
  expect(commits(after)).toBeGreaterThan(commits(before));
  expect(after.get("sessionmood_batch_queue_depth")?.type).toBe("GAUGE");
  expect(after.get("sessionmood_open_streams")?.metrics[0]?.value).toBe("0");
  expect(after.has("sessionmood_process_cpu_seconds_total")).toBe(true);
});

test("metrics need the admin token; without one configured there are none", async () => {
  expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
  expect((await fetch(`${server.url}/metrics`, { headers: { authorization: "Bearer wrong-token-wrong-token-wrong" } })).status).toBe(401);
  const open = await startTestServer();
  try {
    const response = await fetch(`${open.url}/metrics`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ message: "Metrics are served only when SESSIONMOOD_ADMIN_TOKEN is set" });
  } finally {
    await open.close();
  }
});
