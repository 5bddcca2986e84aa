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

test("the server refuses to start with a bad variable, in one line and without a stack trace", async () => {
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    env: { ...process.env, PORT: "abc", SESSIONMOOD_DEMO: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise((resolve) => child.once("close", resolve));
  expect(code).toBe(1);
  expect(stderr.trim()).toBe('SessionMood server failed to start: PORT="abc" is not allowed: it must be a whole number from 0 to 65535');
});
