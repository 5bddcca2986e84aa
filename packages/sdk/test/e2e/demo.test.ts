import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { launchChromium, moodServer, recordEvents, visitorPage } from "./harness.js";

const EXAMPLES = fileURLToPath(new URL("../../../../examples", import.meta.url));

describe("the demo pages, served by the real server", { timeout: 60_000 }, () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof moodServer>>;
  let page: Page;
  let pageErrors: Error[];

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), moodServer({ demo: true, demoDir: EXAMPLES })]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    page = await visitorPage(browser, { viewport: { width: 1280, height: 900 } });
    pageErrors = [];
    page.on("pageerror", (error) => pageErrors.push(error));
  });
  afterEach(async () => {
    await page.close();
    expect(pageErrors).toEqual([]);
  });

  it("the landing page links both demos", async () => {
    await page.goto(`${server.url}/`);
    expect(new URL(page.url()).pathname).toBe("/demo/");
    expect(await page.locator("a.demo").evaluateAll((links) => links.map((a) => a.getAttribute("href")))).toEqual([
      "script-tag/",
      "spa/",
    ]);
  });

  it("rage-clicking the broken button makes the script-tag demo show a frustrated visitor and offer live chat", async () => {
    const sent = recordEvents(page);
    await page.goto(`${server.url}/demo/script-tag/`);
    await page.waitForFunction(() => window.SessionMood?.tracker);
    for (let i = 0; i < 3; i++) await page.click("#coupon");
    await page.getByText("Need help? Chat with us").waitFor({ state: "visible", timeout: 10_000 });
    expect(await page.locator('[data-ref="mood"]').textContent()).toBe("frustrated");
    expect(await page.locator('[data-ref="action"]').textContent()).toBe("show_live_chat");
    await page.evaluate(() => window.SessionMood!.tracker!.flush());
    await expect.poll(() => sent.count("rage_click")).toBe(1);
    // The panel's log shows what was sent, and the server's answer.
    await page.getByText("rage_click", { exact: true }).waitFor({ timeout: 10_000 });
    await page.getByText(/^frustrated \(after the last batch\)$/).waitFor({ timeout: 10_000 });
  });

  it("the single-page app's route changes are page views the server accepts", async () => {
    const accepted: string[] = [];
    page.on("response", async (response) => {
      if (!response.url().includes("/v1/sessions/") || response.status() !== 200) return;
      const { events } = JSON.parse(response.request().postData() ?? "{}") as { events: Array<{ type: string; url?: string }> };
      for (const event of events) if (event.type === "page_view") accepted.push(new URL(event.url!).pathname);
    });
    await page.goto(`${server.url}/demo/spa/`);
    await page.getByText("Summit hiking boot").click();
    await page.waitForURL("**/demo/spa/product/summit");
    await page.getByText("Go to cart").click();
    await page.waitForURL("**/demo/spa/cart");
    await page.getByRole("heading", { name: "Your cart" }).waitFor();
    await page.evaluate(() => (window as unknown as { tracker: { flush(): Promise<void> } }).tracker.flush());
    await expect
      .poll(() => accepted, { timeout: 10_000 })
      .toEqual(["/demo/spa/", "/demo/spa/product/summit", "/demo/spa/cart"]);
  });
});
