import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hideWebdriver, launchChromium, moodServer, recordEvents, sitePage, VISITOR_USER_AGENT } from "./harness.js";

const PAGE = `<button id="buy" onclick="this.dataset.n = Date.now()">Buy</button>`;
const GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

describe("consent, bots and scrubbing in Chromium, against the real server", { timeout: 60_000 }, () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof moodServer>>;
  let site: Awaited<ReturnType<typeof sitePage>>;

  beforeAll(async () => {
    [browser, server, site] = await Promise.all([launchChromium(), moodServer(), sitePage(PAGE)]);
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([server?.close(), site?.close()]);
  });

  /**
   * Opens `path` on the site with the SDK's tag carrying `attributes`, in a browser saying it is
   * `userAgent` (by default headless Chromium's) and, unless `webdriver` is false, automated.
   */
  async function open(attributes: Record<string, string>, { userAgent = "", path = "/", webdriver = true } = {}) {
    site.useScript(`${server.url}/sdk/sessionmood.min.js`, { key: server.key, endpoint: server.url, ...attributes });
    const page = await browser.newPage(userAgent ? { userAgent } : {});
    if (!webdriver) await hideWebdriver(page);
    const sent = recordEvents(page);
    await page.goto(`${site.origin}${path}`);
    await page.waitForFunction(() => window.SessionMood?.tracker);
    const tracker = {
      flush: () => page.evaluate(() => window.SessionMood!.tracker!.flush()),
      sessionId: () => page.evaluate(() => window.SessionMood!.tracker!.sessionId),
      consent: (granted: boolean) => page.evaluate((g) => window.SessionMood!.tracker!.setConsent(g), granted),
    };
    return { page, sent, tracker };
  }

  it("a visitor who consents after arriving goes on in the session the page started, across a reload", async () => {
    const { page, sent, tracker } = await open({ consent: "false" });
    await page.click("#buy");
    await tracker.flush();
    expect(sent.urls).toEqual([]);
    const id = await tracker.sessionId();
    await tracker.consent(true);
    await page.click("#buy");
    await tracker.flush();
    // The page view the consent started, and the click after it.
    await expect.poll(async () => (await server.mood(id))?.event_count).toBe(2);
    await page.reload();
    await page.waitForFunction(() => window.SessionMood?.tracker);
    expect(await tracker.sessionId()).toBe(id);
    await tracker.consent(true);
    await tracker.flush();
    await expect.poll(async () => (await server.mood(id))?.event_count).toBe(3);
    expect(sent.urls.every((url) => url.includes(`/v1/sessions/${id}/events`))).toBe(true);
  });

  it.each([
    ["a crawler", GOOGLEBOT],
    ["an automated browser", ""],
  ])("%s sends nothing, not even when it leaves the page", async (_who, userAgent) => {
    const { page, sent, tracker } = await open({ "allow-bots": "false" }, { userAgent });
    await page.click("#buy");
    await tracker.flush();
    await page.goto("about:blank");
    expect(sent.urls).toEqual([]);
  });

  it("a bot only the server recognises is told so once, and the page sends nothing more", async () => {
    // Headless Chromium's own user agent, with navigator.webdriver hidden: the SDK's short list
    // misses it, the server's full one does not.
    const { page, sent, tracker } = await open({ "allow-bots": "false" }, { webdriver: false });
    const id = await tracker.sessionId();
    await tracker.flush();
    await page.click("#buy");
    await tracker.flush();
    await page.goto("about:blank");
    expect(sent.bodies).toHaveLength(1);
    expect(await server.mood(id)).toBeNull();
  });

  it("a crawler sends its events when the site allows bots (its own end-to-end tests)", async () => {
    const { page, sent, tracker } = await open({}, { userAgent: GOOGLEBOT });
    await page.click("#buy");
    await tracker.flush();
    await expect.poll(async () => (await server.mood(await tracker.sessionId()))?.event_count).toBe(2);
    expect(sent.bodies.every((body) => (JSON.parse(body) as { allow_bots?: boolean }).allow_bots === true)).toBe(true);
  });

  it("ids, emails and tokens in the page's address and in error messages stay in the page", async () => {
    const { page, sent, tracker } = await open(
      {},
      { userAgent: VISITOR_USER_AGENT, path: "/users/1234/reset/8f14e45fceea167a5a36dedd4bea2543?email=ann%40example.com" },
    );
    await page.evaluate(() => {
      setTimeout(() => {
        throw new Error("No account for ann@example.com, order 3fa85f64-5717-4562-b3fc-2c963f66afa6");
      });
    });
    await expect.poll(async () => (await tracker.flush(), sent.count("error"))).toBe(1);
    expect(sent.events.find((e) => e.type === "page_view")!.url).toBe(`${site.origin}/users/:id/reset/:token`);
    expect(sent.events.find((e) => e.type === "error")!.message).toContain("No account for :email, order :uuid");
    expect(sent.bodies.join()).not.toMatch(/1234|8f14e45f|ann|3fa85f64/);
  });
});
