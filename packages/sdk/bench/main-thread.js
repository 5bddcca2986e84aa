// The SDK's main-thread cost per handled DOM event in Chromium, and whether it causes long tasks.
// Every listener the SDK adds is timed with performance.now() while Playwright drives real mouse,
// wheel and keyboard input through a page carrying the script-tag build.
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";

const SDK = readFileSync(new URL("../dist/sessionmood.min.js", import.meta.url), "utf8");
const ROUNDS = 200;

const PAGE = `<!doctype html><html><body style="margin:0">
<button id="buy" onclick="this.dataset.n=Date.now()">Buy</button><input id="name">
<div style="height:6000px"></div></body></html>`;

// Runs in the page before the SDK: wraps the listeners it registers so each call is timed.
function instrument() {
  const stats = { calls: 0, ms: 0, longTasks: 0 };
  window.__sdkCost = stats;
  const add = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (typeof listener !== "function" || !window.__timing) return add.call(this, type, listener, options);
    const timed = function (event) {
      const start = performance.now();
      try {
        return listener.call(this, event);
      } finally {
        stats.ms += performance.now() - start;
        stats.calls += 1;
      }
    };
    return add.call(this, type, timed, options);
  };
  new PerformanceObserver((list) => (stats.longTasks += list.getEntries().length)).observe({ type: "longtask", buffered: true });
}

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  await page.route("http://127.0.0.1:1/**", (route) => route.fulfill({ status: 200, contentType: "application/json", body: "{}" }));
  await page.route("http://bench.test/**", (route) => route.fulfill({ status: 200, contentType: "text/html", body: PAGE }));
  await page.addInitScript(instrument);
  await page.goto("http://bench.test/");
  await page.evaluate((code) => {
    // Only listeners registered from here on, the SDK's, are timed.
    window.__timing = true;
    const script = document.createElement("script");
    script.textContent = code;
    document.head.append(script);
    window.SessionMood.init({ key: "pk_bench", endpoint: "http://127.0.0.1:1" });
    window.__timing = false;
  }, SDK);

  for (let i = 0; i < ROUNDS; i++) {
    await page.mouse.move(20 + (i % 50) * 10, 20 + (i % 7) * 30);
    await page.mouse.wheel(0, i % 20 < 10 ? 120 : -120);
    if (i % 10 === 0) await page.click("#buy");
    if (i % 10 === 5) await page.click("#name");
    await page.keyboard.press("a");
  }
  await page.evaluate(() => window.SessionMood.tracker.flush());
  const stats = await page.evaluate(() => window.__sdkCost);
  const perEvent = (stats.ms * 1000) / Math.max(stats.calls, 1);
  console.log(`SDK listener calls: ${stats.calls}`);
  console.log(`main-thread time in SDK listeners: ${stats.ms.toFixed(2)} ms`);
  console.log(`average cost per handled DOM event: ${perEvent.toFixed(1)} µs (goal ≤ 20 µs)`);
  console.log(`long tasks observed: ${stats.longTasks}`);
  console.log("(performance.now() is coarsened in pages that are not cross-origin isolated, so single calls round up or down)");
} finally {
  await browser.close();
}
