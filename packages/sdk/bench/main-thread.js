// The SDK's main-thread cost per handled DOM event in Chromium, and whether it causes long tasks.
//
// The same page is measured without the SDK and with it: each dispatches a realistic mix of
// synthetic events in tight loops (`dispatchEvent` runs listeners synchronously, so the loop's
// time is the listeners' time), and the difference divided by the number of events is the SDK's
// cost per event. The page is cross-origin isolated so `performance.now()` is precise to 5 µs,
// and loops are thousands of events long, so the timer's resolution does not matter.
// Synthetic clicks are untrusted and the detectors ignore them, so clicks are also driven as real
// input through the DevTools protocol and measured by the renderer's own scripting time
// (`Performance.getMetrics` ScriptDuration), which also counts the work the SDK schedules for
// later: dead-click watches, MutationObserver callbacks, scroll sampling and timers.
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";

const SDK = readFileSync(new URL("../dist/sessionmood.min.js", import.meta.url), "utf8");
const EVENTS = 5000;
const ROUNDS = 7;
const CLICKS = 200;
const GOAL_US = 20;

const PAGE = `<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0">
<nav><a href="#a">Home</a> <a href="#b">Shop</a></nav>
<main><section><div><p>Ridgeline trail runner <span><button id="buy" onclick="this.dataset.n=Date.now()">Buy</button></span></p></div></section>
<form><label>Name <input id="name"></label></form></main>
<div style="height:6000px"></div></body></html>`;

/**
 * A minute of ordinary use in miniature, per 20 events: the pointer moving (each move is a
 * pointermove and a mousemove, sometimes crossing into or out of an element), the wheel scrolling
 * the page, typing in a field, and focus moving. Element-level events bubble from a realistic
 * depth.
 */
const MIX = [
  ["pointermove", "p"], ["mousemove", "p"], ["pointermove", "p"], ["mousemove", "p"],
  ["pointermove", "button"], ["mousemove", "button"], ["mouseover", "button"], ["mouseout", "button"],
  ["pointermove", "p"], ["mousemove", "p"], ["mouseover", "p"], ["mouseout", "p"],
  ["wheel", "p"], ["scroll", "window"], ["wheel", "p"], ["scroll", "window"],
  ["keydown", "input"], ["input", "input"], ["focusin", "input"], ["focusout", "input"],
];
const TYPES = [...new Set(MIX.map(([type]) => type)), "click (untrusted)"];

// Runs in the page: dispatches `count` events of `types` (cycled) in chunks of 250, each chunk one
// task so the page never has a long task of its own, and returns the milliseconds spent dispatching.
async function dispatchAll(types, count) {
  const targets = { p: document.querySelector("p"), button: document.getElementById("buy"), input: document.getElementById("name"), window };
  const make = ([type, where]) => {
    const target = targets[where];
    const init = { bubbles: type !== "scroll", composed: true, clientX: 100, clientY: 100, relatedTarget: targets.p };
    const Kind = /^pointer/.test(type) ? PointerEvent : /^mouse|click/.test(type) ? MouseEvent : type === "wheel" ? WheelEvent
      : type === "keydown" ? KeyboardEvent : type === "input" ? InputEvent : /^focus/.test(type) ? FocusEvent : Event;
    return () => target.dispatchEvent(new Kind(type.replace(" (untrusted)", ""), init));
  };
  const dispatchers = types.map(make);
  let ms = 0;
  for (let done = 0; done < count; ) {
    const end = Math.min(count, done + 250);
    const start = performance.now();
    for (; done < end; done++) dispatchers[done % dispatchers.length]();
    ms += performance.now() - start;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return ms;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const OPTIONS = JSON.parse(process.env.BENCH_OPTIONS || "{}");

/**
 * Measures one page without and with the SDK, alternating round by round (the tracker is started
 * before and stopped after each "with" round) so that drift in the machine's speed hits both alike.
 */
async function measure(browser) {
  const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  const isolation = { "Cross-Origin-Opener-Policy": "same-origin", "Cross-Origin-Embedder-Policy": "require-corp" };
  await page.route("http://localhost:9999/**", (route) => route.fulfill({ status: 200, contentType: "text/html", headers: isolation, body: PAGE }));
  await page.route("http://127.0.0.1:1/**", (route) =>
    route.fulfill({ status: 200, contentType: "application/json", headers: { "Access-Control-Allow-Origin": "*" }, body: '{"current_mood":"neutral"}' }),
  );
  await page.addInitScript(() => {
    window.__longTasks = 0;
    new PerformanceObserver((list) => {
      window.__longTasks += list.getEntries().length;
      if (window.__debugLongTasks) console.log(JSON.stringify(list.getEntries()));
    }).observe({ type: "longtask" });
  });
  await page.goto("http://localhost:9999/");
  if (!(await page.evaluate(() => crossOriginIsolated))) throw new Error("the bench page is not cross-origin isolated");
  await page.addScriptTag({ content: SDK });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const scriptSeconds = async () => (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "ScriptDuration").value;
  // Lets every timer the SDK set (dead-click windows of 1 s, scroll gestures, batches) run out.
  const settle = () => page.waitForTimeout(1500);
  const sdk = async (on) => {
    if (on) await page.evaluate((options) => window.SessionMood.init({ key: "pk_bench", endpoint: "http://127.0.0.1:1", allowBots: true, ...options }), OPTIONS);
    else await page.evaluate(() => window.SessionMood.tracker?.stop());
  };
  const run = (types, count) => page.evaluate(({ source, types, count }) => (0, eval)(`(${source})`)(types, count), { source: dispatchAll.toString(), types, count });

  /** Runs `work` ROUNDS times each way; returns the medians of what it measured, without and with. */
  const compare = async (work, rounds = ROUNDS) => {
    const results = { without: [], with: [] };
    for (let i = 0; i < rounds; i++) {
      for (const on of [false, true]) {
        await sdk(on);
        results[on ? "with" : "without"].push(await work());
        await sdk(false);
      }
    }
    return { without: median(results.without), with: median(results.with) };
  };
  const scripting = (work) => async () => {
    const before = await scriptSeconds();
    await work();
    await settle();
    return ((await scriptSeconds()) - before) * 1000;
  };

  await sdk(true);
  await run(MIX, 1000); // warm-up: JIT, first-use wrappers
  await sdk(false);
  await settle();

  const mix = await compare(() => run(MIX, EVENTS));
  const mixScript = await compare(scripting(() => run(MIX, EVENTS)), 3);
  const perType = {};
  for (const type of TYPES) {
    const entries = type === "click (untrusted)" ? [[type, "button"]] : MIX.filter(([t]) => t === type).slice(0, 1);
    perType[type] = await compare(() => run(entries, 3000), 5);
  }

  // Real clicks on the button (which changes the page), spaced like a busy visitor's.
  const box = await page.locator("#buy").boundingBox();
  const clicks = scripting(async () => {
    for (let i = 0; i < CLICKS; i++) {
      for (const type of ["mousePressed", "mouseReleased"]) {
        const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 + (i % 3) };
        await cdp.send("Input.dispatchMouseEvent", { type, ...at, button: "left", clickCount: 1 });
      }
    }
  });
  const click = await compare(clicks, 3);
  const longTasks = await page.evaluate(() => window.__longTasks);
  await page.close();
  return { mix, mixScript, perType, click, longTasks };
}

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
});
try {
  const { mix, mixScript, perType, click, longTasks } = await measure(browser);
  const us = ({ without, with: withSdk }, n) => ((withSdk - without) * 1000) / n;
  const average = us(mix, EVENTS);
  const total = us(mixScript, EVENTS);
  console.log(`SDK main-thread cost in Chromium: ${EVENTS} events of the mix, median of ${ROUNDS} rounds with and without`);
  console.log(`  per event, in the SDK's listeners:                 ${average.toFixed(2)} µs`);
  console.log(`  per event, all scripting incl. work it scheduled:  ${total.toFixed(2)} µs  (ScriptDuration)`);
  console.log("  per event type (listeners):");
  for (const type of TYPES) console.log(`    ${type.padEnd(18)} ${us(perType[type], 3000).toFixed(2).padStart(6)} µs`);
  console.log(`  a real click, incl. its dead-click watch: ${us(click, CLICKS).toFixed(1)} µs of scripting`);
  console.log(`  long tasks while measuring: ${longTasks}`);
  const ok = average <= GOAL_US && total <= GOAL_US && longTasks === 0;
  console.log(`goal ≤ ${GOAL_US} µs per handled event on average, no long task: ${ok ? "met" : "NOT met"}`);
  if (!ok) process.exitCode = 1;
} finally {
  await browser.close();
}
