import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestServer, type Account, type TestServer } from "./test-server.js";

let server: TestServer;
let open: Account;
let restricted: Account;
beforeAll(async () => {
  server = await startTestServer();
  open = await server.signUp();
  restricted = await server.signUp({ customer_name: "Shop", allowed_origins: ["https://shop.example"] });
});
afterAll(() => server.close());

const events = { events: [{ type: "click" }] };

test("a browser's preflight for posting events is answered", async () => {
  const { status, headers } = await server.call("OPTIONS", "/v1/sessions/s/events", {
    headers: {
      origin: "https://any.example",
      "access-control-request-method": "POST",
      "access-control-request-headers": "content-type, x-api-key",
    },
  });
  expect(status).toBe(204);
  expect(headers.get("access-control-allow-origin")).toBe("https://any.example");
  expect(headers.get("access-control-allow-methods")).toContain("POST");
  expect(headers.get("access-control-allow-headers")?.toLowerCase()).toContain("x-api-key");
  expect(headers.get("access-control-allow-headers")?.toLowerCase()).toContain("content-type");
  expect(Number(headers.get("access-control-max-age"))).toBeGreaterThan(0);
  expect(headers.get("vary")).toContain("Origin");
});

test("a page can read the answer to its events, errors included", async () => {
  const origin = { origin: "https://any.example" };
  const ok = await server.call("POST", "/v1/sessions/s/events", { key: open.publishable, body: events, headers: origin });
  expect(ok.status).toBe(200);
  expect(ok.headers.get("access-control-allow-origin")).toBe("https://any.example");
  const refused = await server.call("POST", "/v1/sessions/s/events", { key: "pk_wrong", body: events, headers: origin });
  expect(refused.status).toBe(401);
  expect(refused.headers.get("access-control-allow-origin")).toBe("https://any.example");
});

test("an account with allowed origins takes events from those pages only", async () => {
  const from = (origin: string) =>
    server.call("POST", "/v1/sessions/r/events", { key: restricted.publishable, body: events, headers: { origin } });
  expect((await from("https://shop.example")).status).toBe(200);
  const other = await from("https://evil.example");
  expect(other.status).toBe(403);
  expect(other.body).toMatchObject({ error: "Forbidden", message: expect.stringContaining("https://evil.example") });
  // Server-to-server calls carry no Origin.
  expect((await server.call("POST", "/v1/sessions/r/events", { key: restricted.secret, body: events })).status).toBe(200);
});

test("the beacon form is a simple request: no preflight needed, and it works cross-origin", async () => {
  const { status, headers } = await server.call("POST", `/v1/sessions/b/events?key=${open.publishable}`, {
    raw: JSON.stringify(events),
    headers: { "content-type": "text/plain;charset=UTF-8", origin: "https://any.example" },
  });
  expect(status).toBe(200);
  expect(headers.get("access-control-allow-origin")).toBe("https://any.example");
});

test("text/plain is accepted on the events endpoint only", async () => {
  const { status } = await server.call("POST", "/v1/sessions/s/feedback", {
    key: open.secret,
    raw: JSON.stringify({ action_taken: "x" }),
    headers: { "content-type": "text/plain" },
  });
  expect(status).toBe(415);
});
