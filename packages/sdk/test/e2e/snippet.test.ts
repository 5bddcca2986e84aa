import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, moodServer, recordEvents, sitePage } from "./harness.js";

/** The inline stub of the README's snippet: `window.SessionMood` with a queue, before the SDK loads. */
const STUB =
  '!function(w,s){s=w.SessionMood=w.SessionMood||{q:[]};"init track onMood onUpdate setConsent flush stop".split(" ").forEach(function(m){s[m]=s[m]||function(){s.q.push([m,arguments])}})}(window);';

const PAGE = `<button id="buy">Buy</button>
<script>
  window.moods = [];
  SessionMood.onMood(function (mood) { window.moods.push(mood.mood); });
  SessionMood.track("error", { message: "Card declined" });
  window.pageScriptRan = true;
</script>`;

describe("the script-tag snippet in Chromium", { timeout: 90_000 }, () => {
  let browser: Browser;
  const cleanups: Array<() => Promise<unknown>> = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    await browser?.close();
  });

  async function open(html: string, attributes: (s: { url: string; key: string }) => Record<string, string>) {
    const [server, site] = await Promise.all([moodServer(), sitePage(html)]);
    cleanups.push(() => server.close(), () => site.close());
    site.useScript(`${server.url}/sdk/sessionmood.min.js`, attributes(server), { async: true, before: STUB });
    const page: Page = await browser.newPage();
    cleanups.push(() => page.close());
    const errors: Error[] = [];
    page.on("pageerror", (error) => errors.push(error));
    return { server, site, page, errors, sdk: `${server.url}/sdk/sessionmood.min.js` };
  }

  it("is the README's snippet", () => {
    expect(readFileSync(new URL("../../../../README.md", import.meta.url), "utf8")).toContain(STUB);
  });

  it("when the SDK never loads (an ad blocker, an outage), the page's calls are queued and nothing throws", async () => {
    const { page, site, errors, sdk } = await open(PAGE, (s) => ({ key: s.key, endpoint: s.url }));
    await page.route(sdk, (route) => route.abort());
    await page.goto(`${site.origin}/`);
    expect(await page.evaluate(() => (window as unknown as { pageScriptRan: boolean }).pageScriptRan)).toBe(true);
    expect(await page.evaluate(() => (window.SessionMood as unknown as { q: unknown[] }).q.length)).toBe(2);
    expect(errors).toEqual([]);
  });

  it("when the SDK arrives late, the calls made before are replayed in order", async () => {
    const { page, site, server, errors, sdk } = await open(PAGE, (s) => ({ key: s.key, endpoint: s.url, "local-scoring": "true" }));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route(sdk, async (route) => {
      await released;
      await route.continue();
    });
    const sent = recordEvents(page);
    // The load event waits for the held script; the page's own scripts have run by DOMContentLoaded.
    await page.goto(`${site.origin}/`, { waitUntil: "domcontentloaded" });
    expect(await page.evaluate(() => (window as unknown as { pageScriptRan: boolean }).pageScriptRan)).toBe(true);
    release();
    await page.waitForFunction(() => window.SessionMood?.tracker);
    await page.evaluate(() => window.SessionMood!.flush());
    await expect.poll(() => sent.events.find((event) => event.type === "error")?.message).toBe("Card declined");
    // The listener queued before the SDK came hears the moods after it.
    await page.click("#buy");
    await expect.poll(() => page.evaluate(() => (window as unknown as { moods: string[] }).moods.length)).toBeGreaterThan(0);
    const id = await page.evaluate(() => window.SessionMood!.tracker!.sessionId);
    await expect.poll(async () => (await server.mood(id))?.event_count).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});
