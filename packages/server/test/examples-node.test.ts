import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, test } from "vitest";
import { RAGE, startTestServer, until, type TestServer } from "./test-server.js";

const EXAMPLES = fileURLToPath(new URL("../../../examples/node/", import.meta.url));

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ webhookAllowPrivate: true });
});
afterAll(() => server.close());

function start(script: string, args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [script, ...args], { cwd: EXAMPLES, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const output = { text: "" };
  child.stdout.on("data", (chunk: Buffer) => (output.text += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output.text += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("close", resolve));
  return { child, output, exited };
}

test("the Node example reads moods, struggling pages and a session's timeline with the secret key", async () => {
  const shop = await server.signUp();
  await server.call("POST", "/v1/sessions/visit-1/events", {
    key: shop.publishable,
    body: { events: [{ type: "page_view", url: "/checkout" }, ...RAGE] },
  });
  const run = start("read-moods.mjs", ["visit-1"], { SESSIONMOOD_URL: server.url, SESSIONMOOD_SECRET: shop.secret });
  expect(await run.exited).toBe(0);
  expect(run.output.text).toContain("1 sessions: frustrated 100%");
  expect(run.output.text).toContain("struggle on /checkout: 100.0% of 1 sessions");
  expect(run.output.text).toContain("visit-1 is frustrated");
  expect(run.output.text).toMatch(/neutral → frustrated on \/checkout/);
});

test("the webhook receiver example verifies the signatures of real deliveries", async () => {
  const shop = await server.signUp();
  const { secret } = (await server.call("POST", "/v1/webhooks/secret", { key: shop.secret })).body;
  const receiver = start("webhook-receiver.mjs", [], { SESSIONMOOD_WEBHOOK_SECRET: secret, PORT: "0" });
  try {
    await until(() => receiver.output.text.includes("listening on :"));
    const port = /listening on :(\d+)/.exec(receiver.output.text)![1];
    await server.call("PATCH", "/v1/settings", { key: shop.secret, body: { webhook: { url: `http://127.0.0.1:${port}/` } } });
    await server.call("POST", "/v1/sessions/hooked/events", {
      key: shop.publishable,
      body: { events: [{ type: "page_view", url: "/pay" }, ...RAGE] },
    });
    await until(() => receiver.output.text.includes("hooked: neutral → frustrated on /pay"), 10_000);
    expect(receiver.output.text).not.toContain("refused");
  } finally {
    receiver.child.kill();
    await receiver.exited;
  }
});
