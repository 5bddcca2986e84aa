/**
 * The servers the benchmarks load, each in a child process so that it does not share a core
 * with the load: `real` (the SessionMood server on a fresh SQLite file, with a pro account) and
 * `bare` (node:http that only reads and JSON-parses each body: the floor any server stands on).
 */
import { fork } from "node:child_process";
import { createServer } from "node:http";
import { join } from "node:path";

const ADMIN_TOKEN = "bench-admin-token-0123456789abcdef";

/** Starts a server role in a child process; resolves with what it reports once listening. */
export function startRole(role, dir) {
  const process_ = fork(new URL(import.meta.url), [role, dir], { stdio: "inherit" });
  return new Promise((resolve, reject) => {
    process_.once("message", (message) => resolve({ ...message, process: process_ }));
    process_.once("exit", (code) => reject(new Error(`${role} server exited with ${code}`)));
  });
}

const role = process.argv[2];
if (role === "real") await serveReal();
else if (role === "bare") serveBare();

async function serveReal() {
  const { startServer } = await import("../dist/server.js");
  // The burst limiter is off: one client address sends everything here. Webhooks may go to a
  // receiver on loopback.
  const server = await startServer({
    port: 0,
    dbPath: join(process.argv[3], "bench.db"),
    logLevel: "silent",
    rateLimitPerMinute: 0,
    adminToken: ADMIN_TOKEN,
    webhookAllowPrivate: true,
  });
  const keys = await (
    await fetch(`${server.url}/v1/keys/generate`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ customer_name: "Bench", plan: "pro" }),
    })
  ).json();
  process.on("SIGTERM", () => void server.close().then(() => process.exit(0)));
  process.send({ port: server.port, url: server.url, key: keys.publishable_key, secret: keys.api_key });
}

function serveBare() {
  const server = createServer((req, res) => {
    const chunks = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("end", () => {
      JSON.parse(Buffer.concat(chunks).toString("utf8"));
      const answer = '{"ok":true}';
      res.writeHead(200, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(answer) });
      res.end(answer);
    });
  });
  server.listen(0, "127.0.0.1", () => process.send({ port: server.address().port }));
}
