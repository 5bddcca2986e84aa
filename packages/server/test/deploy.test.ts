import { execFile } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startChildServer } from "./child-server.js";
import { temporaryDirectory } from "./test-server.js";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
let dir: ReturnType<typeof temporaryDirectory>;
beforeAll(() => {
  dir = temporaryDirectory();
});
afterAll(() => dir.remove());

test("pnpm deploy gives a folder that runs on its own with node, serves the SDK, and stops on SIGTERM", async () => {
  const target = join(dir.path, "sessionmood");
  // What the README's deploy:server does after its build (the test command has built everything).
  await promisify(execFile)("npx", ["-y", "pnpm@10", "--filter", "@sessionmood/server", "deploy", "--prod", "--legacy", target], {
    cwd: ROOT,
  });
  const server = await startChildServer({ SESSIONMOOD_DB: join(dir.path, "data", "sessionmood.db") }, join(target, "dist", "index.js"));
  try {
    const health = await fetch(`${server.url}/health`);
    expect(await health.json()).toMatchObject({ status: "ok" });
    const sdk = await fetch(`${server.url}/sdk/sessionmood.min.js`);
    expect(sdk.status).toBe(200);
    expect(sdk.headers.get("content-type")).toBe("application/javascript; charset=utf-8");
    expect((await sdk.text()).length).toBeGreaterThan(10_000);

    // A supervisor's SIGTERM reaches the server itself: it closes cleanly and exits 0.
    server.process.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    expect(server.lines.map((line) => line.msg)).toEqual(expect.arrayContaining(["shutting down", "closed"]));
  } finally {
    server.process.kill("SIGKILL");
  }
}, 120_000);
