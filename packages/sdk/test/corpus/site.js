import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const PAGES = new URL("./pages/", import.meta.url);
const SDK = new URL("../../dist/sessionmood.min.js", import.meta.url);

/** Paths of the site and the page each one serves; the pages' own scripts read the path where it matters. */
const ROUTES = {
  "/article": "article.html",
  "/article-2": "article.html",
  "/comments-article": "article.html",
  "/ad-article": "ad-article.html",
  "/products": "products.html",
  "/product": "product.html",
  "/checkout": "checkout.html",
  "/checkout-broken": "checkout.html",
  "/apply": "form.html",
  "/signup": "signup.html",
  "/guide": "guide.html",
  "/app": "app.html",
  "/settings": "settings.html",
  "/settings-broken": "settings.html",
  "/search": "search.html",
  "/invoices": "invoices.html",
};

/** Every route of the single-page app is served its one page. */
const pageOf = (pathname) => ROUTES[pathname] ?? (pathname.startsWith("/spa/") ? "spa.html" : undefined);

/**
 * The corpus site and event collector on one origin on 127.0.0.1, so the SDK's default endpoint
 * (where its script came from) is the collector: pages under `ROUTES`, the SDK's script-tag build,
 * `/api/ok/*` answering 200 and `/api/fail/*` 500, and `POST /v1/sessions/:id/events` keeping
 * every event it is sent, by session id.
 */
export async function startSite() {
  const sdk = readFileSync(SDK);
  const pages = Object.fromEntries([...Object.values(ROUTES), "spa.html"].map((file) => [file, readFileSync(new URL(file, PAGES))]));
  /** @type {Map<string, object[]>} */
  const sessions = new Map();

  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? "/", "http://site");
    const events = /^\/v1\/sessions\/([^/]+)\/events$/.exec(pathname);
    if (events && req.method === "POST") {
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => {
        const id = decodeURIComponent(events[1]);
        try {
          const batch = JSON.parse(body).events;
          sessions.set(id, [...(sessions.get(id) ?? []), ...batch]);
          const total = sessions.get(id).length;
          res.writeHead(200, { "Content-Type": "application/json" });
          res.end(JSON.stringify({ session_id: id, events_stored: batch.length, total_events: total }));
        } catch {
          res.writeHead(400, { "Content-Type": "application/json" }).end('{"error":"Bad Request"}');
        }
      });
      return;
    }
    if (pathname === "/sdk/sessionmood.min.js") {
      res.writeHead(200, { "Content-Type": "text/javascript" }).end(sdk);
    } else if (pathname.startsWith("/api/ok")) {
      res.writeHead(200, { "Content-Type": "application/json" }).end('{"ok":true}');
    } else if (pathname.startsWith("/api/fail")) {
      res.writeHead(500, { "Content-Type": "application/json" }).end('{"error":"Internal Server Error"}');
    } else if (pageOf(pathname)) {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(pages[pageOf(pathname)]);
    } else {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("Not found");
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    /** Every event received for the session so far. */
    eventsOf: (sessionId) => sessions.get(sessionId) ?? [],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
