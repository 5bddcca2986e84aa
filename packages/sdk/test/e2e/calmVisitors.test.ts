import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, moodServer, recordEvents, sitePage } from "./harness.js";

/**
 * What calm visitors do every day — reading, flicking, following anchors, opening tabs, using
 * steppers and carousels, going back and forward — must not read as frustration or leaving.
 */
describe("calm visitors raise no false alarms (Chromium, real server)", { timeout: 60_000 }, () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof moodServer>>;
  // A third party on its own origin: a widget script that throws, an API, an ad server.
  let thirdParty: Server;
  let thirdOrigin = "";
  let cleanups: Array<() => Promise<unknown>> = [];
  const pageErrors: Error[] = [];

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), moodServer()]);
    thirdParty = createServer((req, res) => {
      if (req.url === "/widget.js") return void res.writeHead(200, { "Content-Type": "text/javascript" }).end("widget.boom();");
      const status = req.url?.startsWith("/api/fail") ? 500 : 200;
      res.writeHead(status, { "Access-Control-Allow-Origin": "*" }).end("{}");
    });
    await new Promise<void>((resolve) => thirdParty.listen(0, "127.0.0.1", resolve));
    thirdOrigin = `http://127.0.0.1:${(thirdParty.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await new Promise((resolve) => thirdParty?.close(resolve));
  });
  afterEach(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    cleanups = [];
    expect(pageErrors).toEqual([]);
  });

  /** Opens `html` on a site of its own with the script tag and `options`; `prepare` runs before the load. */
  async function visit(
    html: string,
    options: (origin: string) => object = () => ({}),
    contextOptions: BrowserContextOptions = {},
    prepare: (page: Page) => Promise<unknown> = async () => {},
  ) {
    const site = await sitePage(html);
    cleanups.push(() => site.close());
    site.useScript(`${server.url}/sdk/sessionmood.min.js`, { key: server.key, endpoint: server.url, options: JSON.stringify(options(site.origin)) });
    const context = await browser.newContext({ viewport: { width: 1000, height: 700 }, ...contextOptions });
    cleanups.push(() => context.close());
    const page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(error));
    await prepare(page);
    const sent = recordEvents(page);
    await page.goto(`${site.origin}/`);
    await page.waitForFunction(() => window.SessionMood?.tracker);
    const flush = () => page.evaluate(() => window.SessionMood!.tracker!.flush());
    const sentOf = async (type: string) => (await flush(), sent.events.filter((e) => e.type === type));
    return { site, page, sent, flush, sentOf };
  }

  const ARTICLE = `<article><h1>How to choose running shoes</h1><p>Fit matters more than the brand.</p></article><div class="tall"></div>`;

  it("a reader still for 15 s is not idle; a minute without input is, and coming back reports the whole absence", async () => {
    const { page, sentOf } = await visit(ARTICLE, () => ({}), {}, (p) => p.clock.install());
    await page.clock.fastForward(15_000);
    expect(await sentOf("idle")).toEqual([]);
    await page.clock.fastForward(46_000);
    await expect.poll(async () => (await sentOf("idle")).length).toBe(1);
    await page.clock.fastForward(20_000);
    await page.mouse.move(300, 300);
    await expect.poll(async () => (await sentOf("idle")).length).toBe(2);
    const [whileAway, onReturn] = (await sentOf("idle")).map((e) => e.duration_ms!);
    expect(whileAway).toBeGreaterThanOrEqual(60_000);
    expect(onReturn).toBeGreaterThanOrEqual(80_000);
    expect(onReturn).toBeLessThan(85_000);
  });

  it("a tab hidden for 10 minutes is idle while away and 600000 ms on return; a window blurred 20 s is 20000 ms", async () => {
    const { page, sentOf } = await visit(ARTICLE, () => ({}), {}, (p) => p.clock.install());
    const setHidden = (hidden: boolean) =>
      page.evaluate((hidden) => {
        Object.defineProperty(document, "visibilityState", { value: hidden ? "hidden" : "visible", configurable: true });
        document.dispatchEvent(new Event("visibilitychange"));
      }, hidden);
    await page.clock.pauseAt(Date.now() + 5_000);
    await setHidden(true);
    await page.clock.fastForward(60_000);
    await expect.poll(async () => (await sentOf("idle")).length).toBe(1);
    await page.clock.fastForward(540_000);
    await setHidden(false);
    await expect.poll(async () => (await sentOf("idle")).length).toBe(2);
    await page.evaluate(() => window.dispatchEvent(new FocusEvent("blur")));
    await page.clock.fastForward(20_000);
    await page.evaluate(() => window.dispatchEvent(new FocusEvent("focus")));
    await expect.poll(async () => (await sentOf("idle")).map((e) => e.duration_ms)).toEqual([60_000, 600_000, 20_000]);
  });

  const LONG_PAGE = `<a id="to-reviews" href="#reviews">Reviews</a><div style="height:3000px"></div>
<h2 id="reviews">Reviews</h2><div style="height:3000px"></div>
<button id="top" style="position:fixed;bottom:0;right:0" onclick="window.scrollTo(0, 0)">Back to top</button>`;

  it("jumps the page makes (anchor link, back-to-top, scrollIntoView, a script's scrollTo) are neither scrolls nor backtracks", async () => {
    const { page, sentOf } = await visit(LONG_PAGE);
    await page.click("#to-reviews");
    await page.waitForFunction(() => scrollY > 2000);
    await page.click("#top");
    await page.waitForFunction(() => scrollY === 0);
    await page.evaluate(() => document.getElementById("reviews")!.scrollIntoView());
    await page.evaluate(() => new Promise(requestAnimationFrame));
    await page.evaluate(() => scrollTo(0, 500));
    await page.evaluate(() => new Promise(requestAnimationFrame));
    // The visitor's own gesture after them still counts.
    await page.mouse.move(500, 300);
    for (let i = 0; i < 3; i++) await page.mouse.wheel(0, 200);
    await expect.poll(async () => (await sentOf("scroll")).length).toBe(1);
    expect((await sentOf("scroll"))[0]!.direction).toBe("down");
    expect(await sentOf("backtrack")).toEqual([]);
  });

  it("a normal touch flick is a scroll below the fast-scroll speed", async () => {
    const { page, sentOf } = await visit(`<div style="height:30000px">News feed</div>`, () => ({}), { hasTouch: true, isMobile: true });
    const cdp = await page.context().newCDPSession(page);
    // Four quick flicks down a feed, ~10000 px/s under the finger: momentum carries the page at ~5000 px/s.
    for (let flick = 0; flick < 4; flick++) {
      const at = Date.now() / 1000;
      const touch = (type: "touchStart" | "touchMove" | "touchEnd", i: number) =>
        cdp.send("Input.dispatchTouchEvent", { type, touchPoints: type === "touchEnd" ? [] : [{ x: 300, y: 650 - i * 80 }], timestamp: at + i * 0.008 });
      await touch("touchStart", 0);
      for (let i = 1; i <= 6; i++) await touch("touchMove", i);
      await touch("touchEnd", 7);
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 150)));
    }
    await page.waitForFunction(() => scrollY > 8000);
    // Momentum carries on for a few seconds after the last flick.
    await expect.poll(async () => (await sentOf("scroll")).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    const scrolls = await sentOf("scroll");
    expect(scrolls.every((e) => e.direction === "down" && e.speed! > 0 && e.speed! < 3000)).toBe(true);
  });

  it("scrolling inside a panel with its own scrollbar is a scroll, and turning back in it a backtrack", async () => {
    const { page, sentOf } = await visit(
      `<div id="panel" style="height:400px;overflow:auto"><div style="height:5000px">Order history</div></div>`,
    );
    await page.mouse.move(300, 200);
    for (let i = 0; i < 4; i++) await page.mouse.wheel(0, 200);
    await page.waitForFunction(() => document.getElementById("panel")!.scrollTop >= 800);
    await expect.poll(async () => (await sentOf("scroll")).length).toBe(1);
    for (let i = 0; i < 2; i++) await page.mouse.wheel(0, -200);
    await expect.poll(async () => (await sentOf("backtrack")).length).toBe(1);
    expect((await sentOf("scroll")).map((e) => e.direction)).toEqual(["down", "up"]);
  });

  it("blocked third-party requests, opaque answers and muted cross-origin script errors are not errors; the listed origins' failures are", async () => {
    const { site, page, sentOf } = await visit(`<p>Checkout</p>`, (origin) => ({
      detectors: { error: { origins: [origin, thirdOrigin] } },
    }));
    await page.evaluate(async (third) => {
      // An ad blocker refuses the request: fetch rejects with a TypeError.
      await fetch("http://127.0.0.1:9/ads/pixel.js").catch(() => {});
      await fetch(`${third}/collect`, { mode: "no-cors", method: "POST", body: "{}" });
      const widget = document.createElement("script");
      widget.src = `${third}/widget.js`;
      await new Promise((resolve) => ((widget.onerror = widget.onload = resolve), document.head.append(widget)));
      await Promise.allSettled([fetch("/api/fail"), fetch(`${third}/api/fail`)]);
    }, thirdOrigin);
    // Playwright sees the widget's error unmuted; the page only ever sees "Script error.".
    pageErrors.length = 0;
    await expect.poll(async () => (await sentOf("error")).length).toBe(2);
    expect((await sentOf("error")).map((e) => e.message).sort()).toEqual([`GET ${site.origin}/api/fail 500`, `GET ${thirdOrigin}/api/fail 500`].sort());
  });

  it("new-tab clicks, popups, press-driven menus, labels, fields, file pickers and summaries are not dead; a broken button hammered is rage and dead", async () => {
    const { page, sent, sentOf } = await visit(
      `<a id="specs" href="/specs">Specs</a>
<a id="guide" href="/guide" target="_blank">Size guide</a>
<button id="share" onclick="window.open('/share', 'share', 'width=400,height=300')">Share</button>
<button id="menu" aria-haspopup="menu">Account</button><ul id="items" hidden><li>Orders</li></ul>
<label id="upload" role="button" for="file">Upload receipt</label><input id="file" type="file" hidden>
<button id="choose" onclick="document.getElementById('file').click()">Choose photo</button>
<button id="search" onclick="document.getElementById('q').focus()">Search</button><input id="q">
<label><input id="gift" type="checkbox"> Gift wrap</label>
<select id="size"><option>S</option><option>M</option></select>
<details><summary id="more">Delivery details</summary>Two days.</details>
<button id="coupon">Apply coupon</button>
<script>
document.getElementById("menu").addEventListener("pointerdown", () => { document.getElementById("items").hidden = false; });
</script>`,
      () => ({ detectors: { click: { deadClickMs: 500 } } }),
    );
    page.context().on("page", (popup) => void popup.close());
    await page.click("#specs", { modifiers: ["ControlOrMeta"] });
    await page.click("#specs", { modifiers: ["Shift"] });
    for (const id of ["guide", "share", "menu", "upload", "choose", "search", "gift", "size", "more"]) await page.click(`#${id}`);
    await expect.poll(async () => (await sentOf("click")).length, { timeout: 10_000 }).toBe(11);
    expect(sent.events.filter((e) => e.dead)).toEqual([]);
    await page.click("#coupon", { clickCount: 4 });
    await expect.poll(async () => (await sentOf("click")).length, { timeout: 10_000 }).toBe(15);
    expect((await sentOf("click")).slice(11).map((e) => e.dead)).toEqual([true, true, true, true]);
    expect(await sentOf("rage_click")).toHaveLength(1);
  });

  it("a checkbox that refuses to change, hammered, is rage; steppers and carousels known by structure and role are not", async () => {
    const { page, sentOf } = await visit(`
<label><input id="terms" type="checkbox" onclick="return false"> I accept the terms</label>
<div role="group" aria-label="Quantity"><span><button id="q1">−</button></span><span role="spinbutton" aria-valuenow="1" tabindex="0">1</span><span><button id="q2">+</button></span></div>
<section aria-roledescription="carousel" aria-label="Photos"><button id="c1" aria-controls="slides">‹</button><div id="slides" aria-live="polite">Photo 1 of 5</div><button id="c2" aria-controls="slides">›</button></section>
<button id="v1" aria-controls="volume">▲</button><div id="volume" role="slider" aria-valuenow="3" tabindex="0"></div>
<p id="text">Free shipping on orders over fifty euros, delivered within three working days.</p>`);
    for (const id of ["q2", "c2", "v1", "q1"]) for (let i = 0; i < 5; i++) await page.click(`#${id}`);
    await page.click("#text", { clickCount: 3 });
    await expect.poll(async () => (await sentOf("click")).length).toBe(23);
    expect(await sentOf("rage_click")).toEqual([]);
    for (let i = 0; i < 4; i++) await page.click("#terms");
    await expect.poll(async () => (await sentOf("rage_click")).length).toBe(1);
  });

  it("without the Navigation API, back within the app is a back navigation and forward is not", async () => {
    const { site, page, sentOf } = await visit(`<nav>Shop</nav>`, () => ({}), {}, (p) =>
      p.addInitScript(() => Object.defineProperty(window, "navigation", { value: undefined, configurable: true })),
    );
    expect(await page.evaluate(() => "navigation" in window && !!window.navigation)).toBe(false);
    await page.evaluate(() => history.pushState(null, "", "/shoes"));
    await page.evaluate(() => history.pushState({ product: 7 }, "", "/shoes/7"));
    await page.goBack();
    await page.goBack();
    await page.goForward();
    await expect.poll(async () => (await sentOf("page_view")).length).toBe(6);
    expect((await sentOf("page_view")).map((e) => e.url!.slice(site.origin.length))).toEqual(["/", "/shoes", "/shoes/7", "/shoes", "/", "/shoes"]);
    expect(await sentOf("back_nav")).toHaveLength(2);
    // The app's own state is still there.
    await page.goForward();
    expect(await page.evaluate(() => (history.state as { product?: number }).product)).toBe(7);
  });
});
