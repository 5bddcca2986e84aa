import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from "vitest";
import { launchChromium, moodServer, recordEvents, sitePage } from "./harness.js";

const PAGE = `
<button id="buy" onclick="document.getElementById('out').textContent = 'added ' + Date.now()">Add to cart</button>
<button id="dead">Apply coupon</button>
<span id="out"></span>
<div><button id="minus" aria-label="Decrease">-</button><input id="qty" type="number" value="1"><button id="plus" aria-label="Increase">+</button></div>
<p id="text">Free shipping on orders over fifty euros, delivered within three working days.</p>
<form onsubmit="return false"><input id="email" type="email" placeholder="Email"><input id="name" placeholder="Name"></form>
<a id="pdf" href="/terms.pdf" download>Terms</a>
<div data-sm-ignore><button id="ignored">Ignored</button></div>
<div class="tall"></div>`;

const OPTIONS = JSON.stringify({
  detectors: { click: { deadClickMs: 300 }, idle: { afterMs: 60_000 }, inputPause: { minMs: 400 }, hover: { minMs: 300 } },
});

describe("detectors in Chromium, against the real server", { timeout: 60_000 }, () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof moodServer>>;
  let site: Awaited<ReturnType<typeof sitePage>>;
  let page: Page;
  let sent: ReturnType<typeof recordEvents>;
  const pageErrors: Error[] = [];

  beforeAll(async () => {
    [browser, server, site] = await Promise.all([launchChromium(), moodServer(), sitePage(PAGE)]);
    site.useScript(`${server.url}/sdk/sessionmood.min.js`, { key: server.key!, endpoint: server.url, options: OPTIONS });
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([server?.close(), site?.close()]);
  });
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
    page.on("pageerror", (error) => pageErrors.push(error));
    sent = recordEvents(page);
    await page.goto(`${site.origin}/shop?coupon=SPRING&email=ann%40example.com#reviews`);
    await page.waitForFunction(() => window.SessionMood?.tracker);
  });
  afterEach(async () => {
    await page.close();
    expect(pageErrors).toEqual([]);
  });

  const flush = () => page.evaluate(() => window.SessionMood!.tracker!.flush());
  const sessionId = () => page.evaluate(() => window.SessionMood!.tracker!.sessionId);

  it("a visitor's page view reaches the server without the query string or anchor", async () => {
    await flush();
    await expect.poll(() => sent.events.find((e) => e.type === "page_view")?.url).toBe(`${site.origin}/shop`);
    await expect.poll(async () => (await server.mood(await sessionId()))?.event_count).toBe(1);
  });

  it("a click that changes the page is a click; one that changes nothing is a dead click", async () => {
    const clicks = async () => (await flush(), sent.events.filter((e) => e.type === "click").map((e) => e.dead === true));
    await page.click("#buy");
    await page.click("#dead");
    await expect.poll(clicks).toEqual([false, true]);
  });

  it("a download link is not a dead click", async () => {
    await page.click("#pdf");
    await expect.poll(async () => (await flush(), sent.events.filter((e) => e.type === "click"))).toHaveLength(1);
    expect(sent.events.find((e) => e.type === "click")!.dead).toBeUndefined();
  });

  it("three fast clicks on a button are one rage click", async () => {
    await page.click("#dead", { clickCount: 1 });
    await page.click("#dead", { clickCount: 1 });
    await page.click("#dead", { clickCount: 1 });
    await page.click("#dead", { clickCount: 1 });
    await expect.poll(async () => (await flush(), sent.count("rage_click"))).toBe(1);
  });

  it("double- and triple-clicking text to select it, a stepper clicked 6 times, and ignored elements are not rage", async () => {
    await page.dblclick("#text");
    await page.click("#text", { clickCount: 3 });
    for (let i = 0; i < 6; i++) await page.click("#plus");
    for (let i = 0; i < 4; i++) await page.click("#qty");
    for (let i = 0; i < 4; i++) await page.click("#ignored");
    await page.click("#buy");
    await expect.poll(async () => (await flush(), sent.count("click"))).toBeGreaterThanOrEqual(13);
    expect(sent.count("rage_click")).toBe(0);
    expect(sent.events.filter((e) => e.dead)).toEqual([]);
  });

  it("scroll gestures are reported with speed and direction, and turning back is one backtrack", async () => {
    await page.mouse.move(500, 300);
    for (let i = 0; i < 6; i++) await page.mouse.wheel(0, 200);
    await page.waitForFunction(() => scrollY >= 1000);
    await expect.poll(() => (void flush(), sent.events.filter((e) => e.type === "scroll").length)).toBeGreaterThanOrEqual(1);
    for (let i = 0; i < 3; i++) await page.mouse.wheel(0, -200);
    await expect.poll(async () => (await flush(), sent.count("backtrack"))).toBe(1);
    const directions = sent.events.filter((e) => e.type === "scroll").map((e) => e.direction);
    // One gesture each way; a machine too busy to deliver wheel ticks within the gesture's 200 ms
    // may split one into two, but never mixes the directions.
    expect(directions.length).toBeLessThanOrEqual(4);
    expect(directions[0]).toBe("down");
    expect(directions.indexOf("up")).toBeGreaterThan(directions.lastIndexOf("down"));
    expect(directions.at(-1)).toBe("up");
    expect(sent.events.filter((e) => e.type === "scroll").every((e) => (e.speed ?? 0) > 0)).toBe(true);
  });

  it("typing pauses, focus and blur are reported, and nothing typed or in the query ever leaves the page", async () => {
    await page.clock.install();
    await page.click("#email");
    await page.keyboard.type("ann.secret@example.com");
    await page.clock.runFor(500);
    await page.keyboard.type("x");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Annabel Secretname");
    await page.keyboard.press("Tab");
    await expect.poll(async () => (await flush(), sent.count("input_pause"))).toBe(1);
    expect(sent.count("focus")).toBe(2);
    expect(sent.count("blur")).toBe(2);
    expect(sent.events.find((e) => e.type === "input_pause")!.duration_ms).toBeGreaterThanOrEqual(400);
    const everything = sent.bodies.join("\n") + sent.urls.join("\n");
    for (const secret of ["secret", "Secretname", "SPRING", "ann%40example", "reviews", "Free shipping", "Add to cart"]) {
      expect(everything).not.toContain(secret);
    }
  });

  it("switching to another tab and back is not a blur and focus of the field", async () => {
    await page.click("#email");
    // What Chromium does when the window loses focus: focusout while the field stays the active element.
    await page.evaluate(() => {
      const field = document.getElementById("email")!;
      field.dispatchEvent(new FocusEvent("focusout", { bubbles: true }));
      field.dispatchEvent(new FocusEvent("focusin", { bubbles: true }));
    });
    await page.keyboard.press("Tab");
    await expect.poll(async () => (await flush(), sent.count("blur"))).toBe(1);
    expect(sent.count("focus")).toBe(2);
  });

  it("a page restored from the back/forward cache is a page view and a back navigation", async () => {
    await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent("pageshow", { persisted: true })));
    await expect.poll(async () => (await flush(), sent.count("back_nav"))).toBe(1);
    expect(sent.count("page_view")).toBe(2);
  });

  it("a long hover over a button without clicking is a hover with its duration", async () => {
    await page.clock.install();
    await page.hover("#buy");
    await page.clock.runFor(400);
    await page.mouse.move(900, 650);
    await expect.poll(async () => (await flush(), sent.count("hover"))).toBe(1);
    expect(sent.events.find((e) => e.type === "hover")!.duration_ms).toBeGreaterThanOrEqual(300);
  });

  it("script errors, unhandled rejections and failed requests are errors without query strings", async () => {
    await page.evaluate(() => {
      setTimeout(() => {
        throw new Error("Cart total is NaN");
      });
      void Promise.reject(new Error("Payment service unavailable"));
      void fetch("/api/fail?token=abc123");
    });
    await expect.poll(async () => (await flush(), sent.count("error"))).toBe(3);
    const messages = sent.events.filter((e) => e.type === "error").map((e) => e.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining("Cart total is NaN"),
        "Payment service unavailable",
        `GET ${site.origin}/api/fail 500`,
      ]),
    );
    expect(sent.bodies.join()).not.toContain("abc123");
    pageErrors.length = 0;
  });

  it("SPA route changes are page views, and going back is a back navigation", async () => {
    await page.evaluate(() => history.pushState({}, "", "/shop/shoes?size=42"));
    await page.evaluate(() => history.pushState({}, "", "/shop/shoes/red"));
    await page.evaluate(() => history.replaceState({}, "", "/shop/shoes/red?color=1"));
    await page.goBack();
    await expect.poll(async () => (await flush(), sent.count("back_nav"))).toBe(1);
    expect(sent.events.filter((e) => e.type === "page_view").map((e) => e.url)).toEqual([
      `${site.origin}/shop`,
      `${site.origin}/shop/shoes`,
      `${site.origin}/shop/shoes/red`,
      `${site.origin}/shop/shoes`,
    ]);
  });

  it("leaving the page sends what is queued with a beacon the server stores", async () => {
    const id = await sessionId();
    await page.click("#buy");
    await page.goto("about:blank");
    await expect.poll(async () => (await server.mood(id))?.event_count, { timeout: 10_000 }).toBe(2);
  });
});
