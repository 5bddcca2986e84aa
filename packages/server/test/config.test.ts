import { spawn } from "node:child_process";
import { expect, test } from "vitest";
import { ConfigError, configFromEnv } from "../src/config.js";
import { SERVER_ENTRY } from "./child-server.js";

test.each([
  [{ PORT: "abc" }, /^PORT="abc" is not allowed: it must be a whole number from 0 to 65535$/],
  [{ PORT: "70000" }, /^PORT="70000" is not allowed/],
  [{ LOG_LEVEL: "verbose" }, /^LOG_LEVEL="verbose" is not allowed: it must be one of fatal, error, warn, info, debug, trace, silent$/],
  [{ SESSIONMOOD_SYNCHRONOUS: "OFF" }, /^SESSIONMOOD_SYNCHRONOUS="OFF" is not allowed: it must be one of NORMAL, FULL$/],
  [{ SESSIONMOOD_RATE_LIMIT: "-1" }, /^SESSIONMOOD_RATE_LIMIT="-1" is not allowed/],
  [{ SESSIONMOOD_MAX_SESSION_EVENTS: "0" }, /^SESSIONMOOD_MAX_SESSION_EVENTS="0" is not allowed/],
  [{ SESSIONMOOD_DEMO: "yes" }, /^SESSIONMOOD_DEMO="yes" is not allowed: it must be one of 0, 1$/],
  [{ SESSIONMOOD_WEBHOOK_ALLOW_PRIVATE: "true" }, /^SESSIONMOOD_WEBHOOK_ALLOW_PRIVATE="true" is not allowed: it must be one of 0, 1$/],
  [{ SESSIONMOOD_WEBHOOK_RETRY_SCALE: "fast" }, /^SESSIONMOOD_WEBHOOK_RETRY_SCALE="fast" is not allowed/],
  [{ SESSIONMOOD_WEBHOOK_TIMEOUT_MS: "5" }, /^SESSIONMOOD_WEBHOOK_TIMEOUT_MS="5" is not allowed/],
])("%j is refused in one line naming the variable and what is allowed", (env, message) => {
  expect(() => configFromEnv(env)).toThrow(ConfigError);
  expect(() => configFromEnv(env)).toThrow(message);
});

test("the demo is on for a plain start, off with SESSIONMOOD_DEMO=0 or NODE_ENV=production", () => {
  expect(configFromEnv({}).demo).toBe(true);
  expect(configFromEnv({ SESSIONMOOD_DEMO: "0" }).demo).toBe(false);
  expect(configFromEnv({ NODE_ENV: "production" }).demo).toBe(false);
  expect(configFromEnv({ NODE_ENV: "production", SESSIONMOOD_DEMO: "1" }).demo).toBe(false);
});

test("the limits come from the environment", () => {
  expect(configFromEnv({ SESSIONMOOD_RATE_LIMIT: "0", SESSIONMOOD_MAX_SESSION_EVENTS: "250" })).toMatchObject({
    rateLimitPerMinute: 0,
    maxSessionEvents: 250,
  });
});

async function failedStart(env: Record<string, string>): Promise<string> {
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    env: { ...process.env, SESSIONMOOD_DEMO: "0", PORT: "0", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise((resolve) => child.once("close", resolve));
  expect(code).toBe(1);
  return stderr.trim();
}

test("the server refuses to start with a bad variable, in one line and without a stack trace", async () => {
  expect(await failedStart({ PORT: "abc" })).toBe(
    'SessionMood server failed to start: PORT="abc" is not allowed: it must be a whole number from 0 to 65535',
  );
});

test("the server refuses to start on a database path it cannot write, naming the path, in one line", async () => {
  // A directory cannot be made inside a file, whoever runs the server.
  const stderr = await failedStart({ SESSIONMOOD_DB: `${SERVER_ENTRY}/data/sessionmood.db` });
  expect(stderr.split("\n")).toHaveLength(1);
  expect(stderr).toMatch(/^SessionMood server failed to start: SESSIONMOOD_DB=".*index\.js\/data\/sessionmood\.db" cannot be opened for writing: /);
});
