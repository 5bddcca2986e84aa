import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { startTestServer, temporaryDirectory, type TestServer } from "./test-server.js";

const packageVersion = (
  (await import("../package.json", { with: { type: "json" } })) as { default: { version: string } }
).default.version;

describe("a running server", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  test("health says ok with the package version, without a key", async () => {
    const { status, body } = await server.call("GET", "/health");
    expect(status).toBe(200);
    expect(body).toEqual({ status: "ok", version: packageVersion });
  });

  test("every answer carries a request id, a caller's own id is kept", async () => {
    for (const path of ["/health", "/v1/sessions/x/mood", "/nowhere"]) {
      const { headers } = await server.call("GET", path);
      expect(headers.get("x-request-id")).toMatch(/^req_[0-9a-f-]{36}$/);
    }
    const { headers } = await server.call("GET", "/health", { headers: { "x-request-id": "trace-42" } });
    expect(headers.get("x-request-id")).toBe("trace-42");
    const odd = await server.call("GET", "/health", { headers: { "x-request-id": "<script>" } });
    expect(odd.headers.get("x-request-id")).toMatch(/^req_/);
  });

  test("a known path with the wrong method: 405 JSON naming the allowed ones", async () => {
    const { status, body, headers } = await server.call("GET", "/v1/sessions/x/events");
    expect(status).toBe(405);
    expect(headers.get("allow")).toBe("POST");
    expect(body).toMatchObject({ error: "Method Not Allowed" });
  });

  test("an unknown route: 404 JSON", async () => {
    const { status, body, headers } = await server.call("GET", "/v2/whatever");
    expect(status).toBe(404);
    expect(headers.get("content-type")).toContain("application/json");
    expect(body).toMatchObject({ error: "Not Found" });
  });

  test("the OpenAPI 3.1 document lists every endpoint with the request schemas", async () => {
    const { status, body } = await server.call("GET", "/v1/openapi.json");
    expect(status).toBe(200);
    expect(body.openapi).toBe("3.1.0");
    expect(body.info.version).toBe(packageVersion);
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        "/v1/keys/generate",
        "/v1/sessions/{id}/events",
        "/v1/sessions/{id}/mood",
        "/v1/sessions/{id}/feedback",
        "/v1/sessions/{id}",
        "/v1/sessions/{id}/export",
        "/v1/keys/rotate",
        "/v1/settings",
        "/v1/analytics/moods",
        "/v1/sessions/{id}/timeline",
        "/v1/sessions",
        "/v1/analytics/trend",
        "/v1/analytics/weekday",
        "/v1/analytics/pages",
        "/v1/analytics/actions",
        "/v1/alerts",
        "/v1/alerts/{id}/dismiss",
        "/v1/stream",
        "/v1/sessions/{id}/stream",
        "/v1/stream-tokens",
        "/v1/webhooks/secret",
        "/v1/webhooks/deliveries",
        "/v1/webhooks/deliveries/{id}/retry",
        "/v1/webhooks/test",
        "/health",
      ]),
    );
    const trendParameters = body.paths["/v1/analytics/trend"].get.parameters.map((p: { name: string }) => p.name);
    expect(trendParameters).toEqual(expect.arrayContaining(["from", "to", "tz", "interval"]));
    expect(Object.keys(body.paths["/v1/settings"])).toEqual(["get", "patch"]);
    expect(body.paths["/v1/sessions/{id}/events"].post.responses).toHaveProperty("410");

    const schemas = body.components.schemas;
    expect(schemas.Event.oneOf ?? schemas.Event.anyOf).toHaveLength(12);
    expect(schemas.EventBatch.properties.events.maxItems).toBe(200);
    expect(schemas.Feedback.required).toEqual(["action_taken"]);
    expect(schemas.KeyRequest.properties.plan.enum).toEqual(["starter", "growth", "pro"]);
    expect(schemas.EventBatch.properties.batch_id.maxLength).toBe(64);
    expect(schemas.SettingsPatch.additionalProperties).toBe(false);
    expect(schemas.SettingsPatch.properties.alerts.properties.min_ratio.minimum).toBe(1);
    expect(Object.keys(schemas.Trend.properties)).toEqual(["from", "to", "interval", "tz", "buckets"]);
    expect(schemas.Alert.properties.type.enum).toEqual(["frustration_spike", "page_hotspot", "sustained_rise"]);
    expect(schemas.EventsStored.properties.policy).toBeDefined();
    expect(schemas.WebhookDelivery.properties.status.enum).toEqual(["pending", "delivered", "failed"]);
    expect(body.paths["/v1/stream"].get.security).toContainEqual({ streamToken: [] });
    expect(JSON.stringify(body)).not.toMatch(/"\$ref":"#\/components\/schemas\/undefined"/);
  });

  test("/docs is a reference page over the OpenAPI document, its assets served from the installed package", async () => {
    const page = await fetch(`${server.url}/docs`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<script src="/docs/reference.js"></script>');
    expect(await (await fetch(`${server.url}/docs/reference.js`)).text()).toContain('url: "/v1/openapi.json"');
    for (const asset of html.matchAll(/(?:src|href)="(\/docs\/assets\/[^"]+)"/g)) {
      const response = await fetch(server.url + asset[1]);
      expect(response.status).toBe(200);
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
  });

  test("without an SDK build, the bundle URL answers 404 JSON", async () => {
    const missing = await startTestServer({ sdkPath: join(server.dir, "absent.js") });
    try {
      const { status, body } = await missing.call("GET", "/sdk/sessionmood.min.js");
      expect(status).toBe(404);
      expect(body).toMatchObject({ error: "SDK bundle not found" });
    } finally {
      await missing.close();
    }
  });
});

describe("the SDK bundle", () => {
  const dir = temporaryDirectory();
  let server: TestServer;
  beforeAll(async () => {
    writeFileSync(join(dir.path, "sessionmood.min.js"), "window.SessionMood={};");
    server = await startTestServer({ sdkPath: join(dir.path, "sessionmood.min.js") });
  });
  afterAll(async () => {
    await server.close();
    dir.remove();
  });

  test("is served as JavaScript, cacheable, to pages on any site", async () => {
    const { status, headers, body } = await server.call("GET", "/sdk/sessionmood.min.js");
    expect(status).toBe(200);
    expect(body).toBe("window.SessionMood={};");
    expect(headers.get("content-type")).toBe("application/javascript; charset=utf-8");
    expect(headers.get("access-control-allow-origin")).toBe("*");
    expect(headers.get("cache-control")).toBe("public, max-age=300");
    const etag = headers.get("etag")!;
    expect(etag).toBeTruthy();
    // fetch adds Cache-Control: no-cache to a conditional request unless one is given.
    const again = await server.call("GET", "/sdk/sessionmood.min.js", {
      headers: { "if-none-match": etag, "cache-control": "max-age=0" },
    });
    expect(again.status).toBe(304);
  });
});

describe("the demo", () => {
  const dir = temporaryDirectory();
  const examples = join(dir.path, "examples");
  const running: TestServer[] = [];
  beforeAll(() => {
    mkdirSync(join(examples, "script-tag"), { recursive: true });
    writeFileSync(join(examples, "script-tag", "index.html"), "<!doctype html><title>script tag</title>");
  });
  afterEach(async () => {
    for (const server of running.splice(0)) await server.close();
  });
  afterAll(() => dir.remove());

  const start = async () => {
    const server = await startTestServer({ demo: true, demoDir: examples }, { dir: dir.path, keepDir: true });
    running.push(server);
    return server;
  };
  const demoConfig = async (server: TestServer) => {
    const { body, headers } = await server.call("GET", "/demo/config.js");
    expect(headers.get("content-type")).toContain("application/javascript");
    const match = /^window\.SESSIONMOOD_DEMO = (.*);\n$/.exec(body as string);
    return JSON.parse(match![1]!) as { key: string; endpoint: string };
  };

  test("/ leads to the demo pages, which list the examples", async () => {
    const server = await start();
    const root = await fetch(server.url + "/", { redirect: "manual" });
    expect(root.status).toBe(302);
    expect(root.headers.get("location")).toBe("/demo/");
    const list = await server.call("GET", "/demo/");
    expect(list.body).toContain('href="/demo/script-tag/"');
    const page = await server.call("GET", "/demo/script-tag/");
    expect(page.body).toContain("<title>script tag</title>");
  });

  test("the pages get a working publishable key and this server's address; a restart issues a new one", async () => {
    let server = await start();
    const first = await demoConfig(server);
    expect(first.endpoint).toBe(server.url);
    expect(first.key).toMatch(/^pk_/);
    const post = (key: string) =>
      server.call("POST", "/v1/sessions/demo/events", { key, body: { events: [{ type: "click" }] } });
    expect((await post(first.key)).status).toBe(200);

    await running.pop()!.close();
    server = await start();
    const second = await demoConfig(server);
    expect(second.key).not.toBe(first.key);
    expect((await post(second.key)).status).toBe(200);
    expect((await post(first.key)).status).toBe(401);
    expect(server.query("SELECT count(*) AS n FROM accounts WHERE is_demo = 1")).toEqual([{ n: 1 }]);
  });

  test("without the demo, there is no demo route", async () => {
    const server = await startTestServer({ demoDir: examples });
    running.push(server);
    expect((await server.call("GET", "/demo/config.js")).status).toBe(404);
  });
});

describe("when the database fails", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  test("health says degraded, and a request that needs it gets a 500 with its request id only", async () => {
    const account = await server.signUp();
    await server.storage.close();
    const health = await server.call("GET", "/health");
    expect(health.body).toEqual({ status: "degraded", version: packageVersion });
    const { status, body, headers } = await server.call("GET", "/v1/sessions/x/mood", { key: account.secret });
    expect(status).toBe(500);
    expect(body).toEqual({ error: "Internal Server Error", request_id: headers.get("x-request-id") });
  });
});
