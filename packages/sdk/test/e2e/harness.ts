import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { MoodEvent } from "@sessionmood/engine";
import { startServer } from "@sessionmood/server";
import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--headless",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
];

/** Debian's Chromium, as the README's test command installs it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

type ServerOptions = Parameters<typeof startServer>[0];

/** The real SessionMood server on 127.0.0.1 with a temporary database, and an account on it. */
export async function moodServer(options: ServerOptions = {}) {
  const dir = mkdtempSync(join(tmpdir(), "sessionmood-sdk-e2e-"));
  const dbPath = join(dir, "test.db");
  const start = (port: number) => startServer({ dbPath, port, host: "127.0.0.1", logLevel: "silent", demo: false, ...options });
  let server: Awaited<ReturnType<typeof startServer>> | null = await start(0);
  const { port, url } = server;
  const response = await fetch(`${url}/v1/keys/generate`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ customer_name: "SDK e2e" }),
  });
  const { api_key: secretKey = "", publishable_key: key = "" } = (await response.json()) as Record<string, string>;
  return {
    url,
    key,
    secretKey,
    /** GET /v1/sessions/:id/mood with the secret key; null while the session has no events. */
    async mood(sessionId: string): Promise<Record<string, unknown> | null> {
      const r = await fetch(`${url}/v1/sessions/${encodeURIComponent(sessionId)}/mood`, {
        headers: { "X-Api-Key": secretKey },
      });
      return r.ok ? ((await r.json()) as Record<string, unknown>) : null;
    },
    /** Takes the server away: its port refuses connections until `start`. */
    async stop() {
      await server?.close();
      server = null;
    },
    /** A new server process's worth of server on the same port and database. */
    async start() {
      server ??= await start(port);
    },
    async close() {
      await server?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A site on another origin (its own port on 127.0.0.1): every path answers the test page, whose
 * body is `html`, with the SDK's script tag carrying `attributes`; `/api/fail` answers 500.
 */
export async function sitePage(html: string) {
  let scriptTag = "";
  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith("/api/fail")) {
      res.writeHead(500).end("down");
      return;
    }
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html><head><meta charset="utf-8"><title>Shop</title>
<style>body{margin:0;font:16px sans-serif} .tall{height:4000px} button,input{margin:8px;padding:8px}</style>
${scriptTag}</head><body>${html}</body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    /**
     * Which SDK script tag the page carries from now on (`async`, after the inline script
     * `before`). It has `data-allow-bots` unless `attributes` say `"allow-bots": "false"`:
     * headless Chromium driven by a test is a bot.
     */
    useScript(src: string, attributes: Record<string, string>, loading: { async?: boolean; before?: string } = {}) {
      const attrs = Object.entries({ "allow-bots": "true", ...attributes })
        .map(([name, value]) => ` data-${name}='${value}'`)
        .join("");
      const before = loading.before ? `<script>${loading.before}</script>` : "";
      scriptTag = `${before}<script${loading.async ? " async" : ""} src="${src}"${attrs}></script>`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A desktop Chrome's user agent, without the "HeadlessChrome" that marks a bot. */
export const VISITOR_USER_AGENT =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";

/**
 * A page that looks like a person's browser rather than an automated one, for pages whose SDK
 * tag the test does not write (the demos): an ordinary user agent, and `navigator.webdriver` false.
 */
export async function visitorPage(browser: Browser, options: Parameters<Browser["newPage"]>[0] = {}): Promise<Page> {
  const page = await browser.newPage({ ...options, userAgent: VISITOR_USER_AGENT });
  await hideWebdriver(page);
  return page;
}

/** Makes `navigator.webdriver` false in the pages `page` loads from now on. */
export async function hideWebdriver(page: Page): Promise<void> {
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, "webdriver", { get: () => false }));
}

/** Every event the page sent to the collector, in order, and the raw bodies, as Chromium saw them. */
export function recordEvents(page: Page) {
  const events: MoodEvent[] = [];
  const bodies: string[] = [];
  const urls: string[] = [];
  page.on("request", (request) => {
    if (!request.url().includes("/v1/sessions/")) return;
    const body = request.postData() ?? "";
    urls.push(request.url());
    bodies.push(body);
    try {
      events.push(...(JSON.parse(body) as { events: MoodEvent[] }).events);
    } catch {
      // Not an events batch.
    }
  });
  return {
    events,
    bodies,
    urls,
    types: () => events.map((e) => e.type),
    count: (type: string) => events.filter((e) => e.type === type).length,
  };
}
