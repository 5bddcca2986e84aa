import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import type { ServerConfig } from "../src/config.js";
import { startServer, type RunningServer } from "../src/server.js";

export interface Answer {
  status: number;
  headers: Headers;
  // Tests read whichever fields the answer has.
  body: any;
}

export interface CallOptions {
  key?: string;
  body?: unknown;
  /** Sent as is, without a content type of its own, instead of JSON-encoding `body`. */
  raw?: string;
  headers?: Record<string, string>;
}

export interface Account {
  secret: string;
  publishable: string;
}

export interface TestServer extends RunningServer {
  dir: string;
  dbPath: string;
  call(method: string, path: string, options?: CallOptions): Promise<Answer>;
  /** A new account through the API. */
  signUp(request?: Record<string, unknown>): Promise<Account>;
  /** Rows of a read-only query on the server's database file. */
  query<T = Record<string, unknown>>(sql: string, ...params: unknown[]): T[];
}

/** A temporary directory removed by `remove`. */
export function temporaryDirectory(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), "sessionmood-server-"));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/**
 * A server on 127.0.0.1 with a free port and a fresh SQLite file in a temporary directory,
 * silent; `close` stops it and removes the directory unless `keepDir` (for a restart on it).
 */
export async function startTestServer(
  overrides: Partial<ServerConfig> = {},
  options: { dir?: string; keepDir?: boolean } = {},
): Promise<TestServer> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), "sessionmood-server-"));
  const dbPath = join(dir, "sessionmood.db");
  const server = await startServer({ host: "127.0.0.1", port: 0, dbPath, logLevel: "silent", ...overrides }).catch(
    (error: unknown) => {
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
      throw error;
    },
  );

  const call = async (
    method: string,
    path: string,
    { key, body, raw, headers = {} }: CallOptions = {},
  ): Promise<Answer> => {
    const sent: Record<string, string> = { "user-agent": BROWSER_USER_AGENT, ...headers };
    if (key !== undefined) sent["x-api-key"] = key;
    // Bytes, not a string: fetch would label a string text/plain on its own.
    let payload = raw === undefined ? undefined : new TextEncoder().encode(raw);
    if (body !== undefined) {
      payload = new TextEncoder().encode(JSON.stringify(body));
      sent["content-type"] ??= "application/json";
    }
    const response = await fetch(server.url + path, { method, headers: sent, body: payload });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not every answer is JSON (the SDK bundle, the demo pages).
    }
    return { status: response.status, headers: response.headers, body: parsed };
  };

  return {
    ...server,
    dir,
    dbPath,
    call,
    async signUp(request = { customer_name: "Test shop" }) {
      const admin = server.config.adminToken;
      const headers: Record<string, string> = admin === undefined ? {} : { authorization: `Bearer ${admin}` };
      const answer = await call("POST", "/v1/keys/generate", { body: request, headers });
      if (answer.status !== 201) throw new Error(`sign-up failed: ${JSON.stringify(answer.body)}`);
      return { secret: answer.body.api_key, publishable: answer.body.publishable_key };
    },
    query<T>(sql: string, ...params: unknown[]): T[] {
      const db = new BetterSqlite3(dbPath, { readonly: true });
      try {
        return db.prepare(sql).all(...params) as T[];
      } finally {
        db.close();
      }
    },
    async close() {
      await server.close();
      if (!options.keepDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** What a visitor's browser calls itself; Node's own ("node") is a crawler's to the server. */
export const BROWSER_USER_AGENT =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";

/** An admin token for tests that open accounts on paid plans (open signup gives starter only). */
export const ADMIN_TOKEN = "test-admin-token-0123456789abcdef";

/** A few events that make a frustrated session. */
export const RAGE = [
  { type: "rage_click", x: 10, y: 20 },
  { type: "error", message: "Payment failed" },
  { type: "rage_click", x: 11, y: 21 },
  { type: "back_nav" },
];

/** Resolves once `condition` holds, checking every few ms; fails after `deadlineMs`. */
export async function until(condition: () => boolean, deadlineMs = 5000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > deadlineMs) throw new Error(`condition not met within ${deadlineMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
