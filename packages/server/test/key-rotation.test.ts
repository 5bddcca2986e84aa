import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestServer, type Account, type TestServer } from "./test-server.js";

const HOUR = 3600 * 1000;
let now = Date.UTC(2026, 4, 4, 10);
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ now: () => now });
});
afterAll(() => server.close());

const events = { events: [{ type: "click" }] };
const postWith = async (key: string) => (await server.call("POST", "/v1/sessions/r/events", { key, body: events })).status;
const readWith = async (key: string) => (await server.call("GET", "/v1/analytics/moods", { key })).status;
const rotate = (key: string, body: unknown) => server.call("POST", "/v1/keys/rotate", { key, body });

describe("rotating keys", () => {
  let account: Account;
  beforeAll(async () => {
    account = await server.signUp();
  });

  test("a new secret key at once; the old one works for the grace period (default 24 h), then stops", async () => {
    const { status, body } = await rotate(account.secret, { kind: "secret" });
    expect(status).toBe(201);
    expect(body.api_key).toMatch(/^sm_[0-9a-f]{48}$/);
    expect(body.old_key_expires_at).toBe(new Date(now + 24 * HOUR).toISOString());
    expect(await readWith(body.api_key)).toBe(200);
    expect(await readWith(account.secret)).toBe(200);

    now += 24 * HOUR - 1000;
    expect(await readWith(account.secret)).toBe(200);
    now += 2000;
    expect(await readWith(account.secret)).toBe(401);
    expect(await readWith(body.api_key)).toBe(200);
    account = { ...account, secret: body.api_key };
  });

  test("grace_seconds: 0 revokes the old publishable key at once, even right after it was used", async () => {
    expect(await postWith(account.publishable)).toBe(200);
    const { status, body } = await rotate(account.secret, { kind: "publishable", grace_seconds: 0 });
    expect(status).toBe(201);
    expect(body.publishable_key).toMatch(/^pk_/);
    expect(body.api_key).toBeUndefined();
    expect(await postWith(account.publishable)).toBe(401);
    expect(await postWith(body.publishable_key)).toBe(200);
  });

  test("rotating again shortens nothing already set to expire sooner", async () => {
    const first = await rotate(account.secret, { kind: "secret", grace_seconds: 60 });
    const second = await rotate(first.body.api_key, { kind: "secret", grace_seconds: 3600 });
    expect(second.status).toBe(201);
    now += 61_000;
    expect(await readWith(account.secret)).toBe(401);
    expect(await readWith(first.body.api_key)).toBe(200);
    expect(await readWith(second.body.api_key)).toBe(200);
  });

  test.each([
    [{}, "kind"],
    [{ kind: "admin" }, "kind"],
    [{ kind: "secret", grace_seconds: -1 }, "grace_seconds"],
    [{ kind: "secret", grace_seconds: 1.5 }, "grace_seconds"],
    [{ kind: "secret", extra: true }, "extra"],
  ])("a request %j is refused with 400", async (request, field) => {
    const other = await server.signUp();
    const { status, body } = await rotate(other.secret, request);
    expect(status).toBe(400);
    expect(body.field).toBe(field);
  });

  test("a publishable key cannot rotate keys", async () => {
    const other = await server.signUp();
    expect((await rotate(other.publishable, { kind: "secret" })).status).toBe(403);
  });
});
