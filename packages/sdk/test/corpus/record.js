// Records the accuracy corpus: every scripted visitor of `scenarios.js` on the corpus site in
// Chromium with the SDK's script-tag build, each session's events written as a fixture the
// engine's tests and `pnpm eval` replay. `node record.js [scenario-id…]` records only those.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { chromium } from "playwright-core";
import { DEVICES, START, THIRD_PARTY } from "./devices.js";
import { SCENARIOS } from "./scenarios.js";
import { startSite } from "./site.js";
import { visitor } from "./visitor.js";

const FIXTURES = new URL("../../../engine/test/corpus/fixtures/", import.meta.url);
/** The origin fixtures name instead of the recorder's random port, so recordings compare. */
const SITE_NAME = "https://garden.example";

const only = process.argv.slice(2);
const scenarios = only.length ? SCENARIOS.filter((s) => only.includes(s.id)) : SCENARIOS;
if (only.length && scenarios.length !== only.length) {
  console.error(`unknown scenario in: ${only.join(", ")}`);
  process.exit(2);
}

const site = await startSite();
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
});
const started = Date.now();
const failed = [];
try {
  mkdirSync(FIXTURES, { recursive: true });
  if (!only.length) for (const file of readdirSync(FIXTURES)) rmSync(new URL(file, FIXTURES));
  for (const scenario of scenarios) {
    const at = Date.now();
    try {
      const events = await record(scenario);
      writeFileSync(new URL(`${scenario.id}.json`, FIXTURES), fixtureJson(scenario, events));
      console.log(`${scenario.id.padEnd(34)} ${String(events.length).padStart(4)} events  ${Date.now() - at} ms`);
    } catch (error) {
      failed.push(scenario.id);
      console.error(`${scenario.id}: ${error instanceof Error ? error.stack : error}`);
    }
  }
} finally {
  await browser.close();
  await site.close();
}
console.log(`${scenarios.length - failed.length} of ${scenarios.length} sessions recorded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (failed.length) {
  console.error(`failed: ${failed.join(", ")}`);
  process.exitCode = 1;
}

/** Plays one scenario in a fresh browser context and returns the events the SDK sent for it. */
async function record(scenario) {
  const context = await browser.newContext(DEVICES[scenario.device]);
  try {
    // An ad blocker: the third-party script never loads.
    await context.route(`${THIRD_PARTY}/**`, (route) => route.abort("blockedbyclient"));
    context.setDefaultTimeout(5000);
    const page = await context.newPage();
    const pageErrors = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await installClock(page);
    await scenario.run(visitor(page, site.origin));
    const sessionId = await page.evaluate(async () => {
      await window.SessionMood.tracker.flush();
      return window.SessionMood.tracker.sessionId;
    });
    const events = site.eventsOf(sessionId);
    if (!events.length) throw new Error("the SDK sent no events");
    if (pageErrors.length) console.warn(`${scenario.id}: page errors: ${pageErrors.join("; ")}`);
    return events;
  } finally {
    await context.close();
  }
}

/**
 * Puts the page on a paused fake clock at START. Playwright's fake `performance` answers every
 * timeline query with nothing, which would hide from the SDK how a page was reached (a load by
 * the back button is a `back_nav`): the real timeline queries are put back.
 */
async function installClock(page) {
  await page.addInitScript(() => {
    const real = performance;
    window.__corpusTimeline = {
      getEntries: real.getEntries.bind(real),
      getEntriesByName: real.getEntriesByName.bind(real),
      getEntriesByType: real.getEntriesByType.bind(real),
    };
  });
  // Installed a little before START, as the clock runs until paused.
  await page.clock.install({ time: START.getTime() - 1000 });
  await page.clock.pauseAt(START);
  await page.addInitScript(() => {
    Object.assign(performance, window.__corpusTimeline);
    delete window.__corpusTimeline;
  });
}

/** The fixture, one event per line so that re-recordings diff readably. */
function fixtureJson({ id, description, label, device }, events) {
  const sorted = events
    .map((event, i) => ({ event, i }))
    .sort((a, b) => a.event.ts - b.event.ts || a.i - b.i)
    .map(({ event }) => JSON.stringify(event).replaceAll(site.origin, SITE_NAME));
  const head = JSON.stringify({ id, description, label, device }, null, 2).slice(0, -2);
  return `${head},\n  "events": [\n    ${sorted.join(",\n    ")}\n  ]\n}\n`;
}
