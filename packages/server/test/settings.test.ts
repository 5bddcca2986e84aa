import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestServer, type Account, type TestServer } from "./test-server.js";

let server: TestServer;
let account: Account;
beforeAll(async () => {
  server = await startTestServer();
  account = await server.signUp();
});
afterAll(() => server.close());

const patch = (body: unknown, key = account.secret) => server.call("PATCH", "/v1/settings", { key, body });

describe("settings", () => {
  test("a new account has its plan's retention and allows any origin", async () => {
    const { status, body } = await server.call("GET", "/v1/settings", { key: account.secret });
    expect(status).toBe(200);
    expect(body).toMatchObject({ retention_days: 7, allowed_origins: null });
  });

  test("allowed origins take effect at once for the events endpoint", async () => {
    const post = (origin: string) =>
      server.call("POST", "/v1/sessions/o/events", {
        key: account.publishable,
        body: { events: [{ type: "click" }] },
        headers: { origin },
      });
    expect((await post("https://evil.example")).status).toBe(200);
    const { body } = await patch({ allowed_origins: ["https://shop.example"] });
    expect(body.allowed_origins).toEqual(["https://shop.example"]);
    expect((await post("https://evil.example")).status).toBe(403);
    expect((await post("https://shop.example")).status).toBe(200);
    await patch({ allowed_origins: null });
    expect((await post("https://evil.example")).status).toBe(200);
  });

  test("retention can be shortened, and returned to the plan's with null", async () => {
    expect((await patch({ retention_days: 3 })).body).toMatchObject({ retention_days: 3, allowed_origins: null });
    expect((await patch({ retention_days: null })).body.retention_days).toBe(7);
  });

  test.each([
    [{ retention_days: 8 }, "retention_days"],
    [{ retention_days: 0 }, "retention_days"],
    [{ retention_days: "7" }, "retention_days"],
    [{ allowed_origins: ["https://shop.example/path"] }, "allowed_origins[0]"],
    [{ allowed_origins: "https://shop.example" }, "allowed_origins"],
    [{ colour: "blue" }, "colour"],
    [{ learning: { enabled: "yes" } }, "learning.enabled"],
    [{ learning: { min_feedback: 2 } }, "learning.min_feedback"],
    [{ learning: { speed: 1 } }, "learning.speed"],
    [{ alerts: { window_hours: 0 } }, "alerts.window_hours"],
    [{ alerts: { window_hours: 1000 } }, "alerts.window_hours"],
    [{ alerts: { min_sessions: 3 } }, "alerts.min_sessions"],
    [{ alerts: { min_ratio: 0.5 } }, "alerts.min_ratio"],
    [{ alerts: { baseline_days: 14 } }, "alerts.baseline_days"],
    [{ alerts: null }, "alerts"],
    [{ webhook: { url: "ftp://hooks.example/x" } }, "webhook.url"],
    [{ webhook: { url: "not a url" } }, "webhook.url"],
    [{ webhook: { url: "http://127.0.0.1:9000/hook" } }, "webhook.url"],
    [{ webhook: { url: "http://localhost/hook" } }, "webhook.url"],
    [{ webhook: { url: "http://[::1]/hook" } }, "webhook.url"],
    [{ webhook: { url: "http://10.1.2.3/hook" } }, "webhook.url"],
    [{ webhook: { url: "http://169.254.169.254/latest" } }, "webhook.url"],
    [{ webhook: { events: ["mood.updated"] } }, "webhook.events[0]"],
    [{ webhook: { moods: ["angry"] } }, "webhook.moods[0]"],
  ])("%j is refused with 400 naming the field", async (request, field) => {
    const { status, body } = await patch(request);
    expect(status).toBe(400);
    expect(body.field).toBe(field);
  });

  test("learning and alert settings: defaults, a partial change keeps the rest, and the publishable key for the snippet", async () => {
    const { body } = await server.call("GET", "/v1/settings", { key: account.secret });
    expect(body).toEqual({
      retention_days: 7,
      allowed_origins: null,
      learning: { enabled: true, min_feedback: 20 },
      alerts: { enabled: true, window_hours: 24, baseline_days: 14, min_sessions: 30, min_ratio: 1.5 },
      webhook: { url: null, events: ["mood.changed", "alert.opened"], moods: null, has_secret: false },
      publishable_key: account.publishable,
    });
    const changed = await patch({ learning: { min_feedback: 40 }, alerts: { window_hours: 6, baseline_days: 5 } });
    expect(changed.status).toBe(200);
    expect(changed.body.learning).toEqual({ enabled: true, min_feedback: 40 });
    expect(changed.body.alerts).toEqual({ enabled: true, window_hours: 6, baseline_days: 5, min_sessions: 30, min_ratio: 1.5 });
    expect((await server.call("GET", "/v1/settings", { key: account.secret })).body.alerts.window_hours).toBe(6);
  });

  test("a rotated publishable key is the one shown", async () => {
    const rotated = await server.call("POST", "/v1/keys/rotate", { key: account.secret, body: { kind: "publishable", grace_seconds: 0 } });
    const { body } = await server.call("GET", "/v1/settings", { key: account.secret });
    expect(body.publishable_key).toBe(rotated.body.publishable_key);
    account.publishable = rotated.body.publishable_key;
  });

  test("need the secret key", async () => {
    expect((await server.call("GET", "/v1/settings", { key: account.publishable })).status).toBe(403);
    expect((await patch({ retention_days: 3 }, account.publishable)).status).toBe(403);
  });
});
