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
  ])("%j is refused with 400 naming the field", async (request, field) => {
    const { status, body } = await patch(request);
    expect(status).toBe(400);
    expect(body.field).toBe(field);
  });

  test("need the secret key", async () => {
    expect((await server.call("GET", "/v1/settings", { key: account.publishable })).status).toBe(403);
    expect((await patch({ retention_days: 3 }, account.publishable)).status).toBe(403);
  });
});
