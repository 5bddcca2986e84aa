import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestServer, type TestServer } from "./test-server.js";

describe("open signup", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  test("a new customer gets a secret and a publishable key", async () => {
    const { status, body } = await server.call("POST", "/v1/keys/generate", {
      body: { customer_name: "Acme Inc", email: "dev@acme.example" },
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({
      customer: "Acme Inc",
      email: "dev@acme.example",
      plan: "starter",
      limits: "5,000 sessions/month",
      allowed_origins: null,
    });
    expect(body.api_key).toMatch(/^sm_[0-9a-f]{48}$/);
    expect(body.publishable_key).toMatch(/^pk_[0-9a-f]{48}$/);
    expect(body.message).toEqual(expect.any(String));
  });

  test("open signup hands out no paid plan: asking for pro gets starter, and the answer says why", async () => {
    const { status, body } = await server.call("POST", "/v1/keys/generate", {
      body: { customer_name: "Freeloader", plan: "pro" },
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({ plan: "starter", limits: "5,000 sessions/month" });
    expect(body.message).toMatch(/starter plan/);
  });

  test("the plan defaults to starter", async () => {
    const { body } = await server.call("POST", "/v1/keys/generate", { body: { customer_name: "Solo" } });
    expect(body).toMatchObject({ plan: "starter", limits: "5,000 sessions/month", email: null });
  });

  test("keys are stored only as hashes", async () => {
    const keys = await server.signUp();
    const stored = server.query<{ key_hash: Buffer }>("SELECT key_hash FROM api_keys");
    const hashes = stored.map((row) => row.key_hash.toString("hex"));
    for (const key of [keys.secret, keys.publishable]) {
      expect(hashes).toContain(createHash("sha256").update(key).digest("hex"));
    }
    const everything = JSON.stringify(server.query("SELECT * FROM api_keys JOIN accounts ON accounts.id = account_id"));
    expect(everything).not.toContain(keys.secret.slice(3));
  });

  test.each([
    [{}, { error: "Missing required field", field: "customer_name" }],
    [{ customer_name: "" }, { error: "Invalid field", field: "customer_name" }],
    [{ customer_name: 42 }, { error: "Invalid field", field: "customer_name" }],
    [{ customer_name: "A", email: "not-an-address" }, { error: "Invalid field", field: "email" }],
    [{ customer_name: "A", plan: "enterprise" }, { error: "Invalid plan", valid_plans: ["starter", "growth", "pro"] }],
    [{ customer_name: "A", allowed_origins: ["https://shop.example/path"] }, { field: "allowed_origins[0]" }],
    [{ customer_name: "A", allowed_origins: "https://shop.example" }, { field: "allowed_origins" }],
  ])("a request %j is refused with 400", async (request, expected) => {
    const { status, body } = await server.call("POST", "/v1/keys/generate", { body: request });
    expect(status).toBe(400);
    expect(body).toMatchObject(expected);
  });

  test("a request without a body is missing customer_name", async () => {
    const { status, body } = await server.call("POST", "/v1/keys/generate");
    expect(status).toBe(400);
    expect(body).toEqual({ error: "Missing required field", field: "customer_name" });
  });

  test("a form-encoded body is refused with 415", async () => {
    const { status, body } = await server.call("POST", "/v1/keys/generate", {
      raw: "customer_name=Acme",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(status).toBe(415);
    expect(body.error).toBe("Unsupported Media Type");
  });

  test("malformed JSON is refused with 400", async () => {
    const { status, body } = await server.call("POST", "/v1/keys/generate", {
      raw: '{"customer_name": "Acme"',
      headers: { "content-type": "application/json" },
    });
    expect(status).toBe(400);
    expect(body.error).toBe("Invalid JSON");
  });
});

describe("signup closed by an admin token", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ adminToken: "let-me-in-with-a-long-enough-token" });
  });
  afterAll(() => server.close());

  test.each([
    ["no token", {}],
    ["a wrong token", { authorization: "Bearer let-me-out-with-a-long-enough-token" }],
    ["the token in X-Api-Key", { "x-api-key": "let-me-in-with-a-long-enough-token" }],
  ])("with %s, key generation answers 401", async (_, headers) => {
    const { status, body } = await server.call("POST", "/v1/keys/generate", {
      body: { customer_name: "Acme" },
      headers,
    });
    expect(status).toBe(401);
    expect(body.error).toBe("Unauthorized");
  });

  test("with the admin token, key generation works and any plan can be opened", async () => {
    const { status, body } = await server.call("POST", "/v1/keys/generate", {
      body: { customer_name: "Acme", plan: "pro" },
      headers: { authorization: "Bearer let-me-in-with-a-long-enough-token" },
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({ plan: "pro", limits: "200,000 sessions/month" });
    expect(body.message).not.toMatch(/starter plan/);
  });
});

describe("guessing the admin token", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ adminToken: "a-correct-admin-token-of-32-chars" });
  });
  afterAll(() => server.close());

  test("after 10 wrong tokens in a minute the address gets 429, even with the right token", async () => {
    const attempt = (token: string) =>
      server.call("POST", "/v1/keys/generate", {
        body: { customer_name: "Acme" },
        headers: { authorization: `Bearer ${token}` },
      });
    for (let i = 0; i < 10; i++) expect((await attempt(`wrong-guess-number-${i}-of-many`)).status).toBe(401);
    const refused = await attempt("a-correct-admin-token-of-32-chars");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.body.error).toBe("Too Many Requests");
  });
});

test("an admin token shorter than 24 characters stops the server at start-up, saying so", async () => {
  await expect(startTestServer({ adminToken: "short-token" })).rejects.toThrow(
    /SESSIONMOOD_ADMIN_TOKEN is 11 characters long; it must have at least 24/,
  );
});
