import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import express, { Router, type RequestHandler } from "express";
import type { Services } from "../services.js";

/**
 * The demo pages under /demo/ (the repository's examples), `/demo/config.js` telling them the
 * demo account's publishable key and this server's address, and `/` leading there.
 */
export function demoRouter(demoKey: string, { config }: Services): Router {
  const router = Router();
  router.get("/", (_req, res) => res.redirect(302, "/demo/"));
  router.get("/demo/config.js", (req, res) => {
    const demo = { key: demoKey, endpoint: `${req.protocol}://${req.get("host") ?? "localhost"}` };
    res.setHeader("Cache-Control", "no-store");
    res.type("application/javascript").send(`window.SESSIONMOOD_DEMO = ${JSON.stringify(demo)};\n`);
  });
  router.use("/demo", express.static(config.demoDir, { fallthrough: true }));
  router.get("/demo/", exampleList(config.demoDir));
  return router;
}

/** Without an index page of its own, /demo/ lists the examples that have one. */
function exampleList(demoDir: string): RequestHandler {
  return (_req, res) => {
    const examples = existsSync(demoDir)
      ? readdirSync(demoDir, { withFileTypes: true })
          .filter((entry) => entry.isDirectory() && existsSync(join(demoDir, entry.name, "index.html")))
          .map((entry) => entry.name)
      : [];
    const links = examples.map((name) => `<li><a href="/demo/${name}/">${name}</a></li>`).join("");
    res
      .type("html")
      .send(`<!doctype html><title>SessionMood demo</title><h1>SessionMood demo</h1><ul>${links}</ul>`);
  };
}
