import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, moodServer, recordEvents, sitePage } from "./harness.js";

const PAGE = `<button id="dead">Apply coupon</button><button id="buy" onclick="this.dataset.n = Date.now()">Buy</button>`;

describe("delivery in Chromium, against the real server", { timeout: 90_000 }, () => {
  let browser: Browser;
  const cleanups: Array<() => Promise<unknown>> = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    await browser?.close();
  });

  async function visit(attributes: (server: { url: string; key: string }) => Record<string, string>, serverOptions = {}) {
    const [server, site] = await Promise.all([moodServer(serverOptions), sitePage(PAGE)]);
    cleanups.push(() => server.close(), () => site.close());
    site.useScript(`${server.url}/sdk/sessionmood.min.js`, attributes(server));
    const page: Page = await browser.newPage();
    cleanups.push(() => page.close());
    const errors: Error[] = [];
    page.on("pageerror", (error) => errors.push(error));
    const sent = recordEvents(page);
    await page.goto(`${site.origin}/`);
    await page.waitForFunction(() => window.SessionMood?.tracker);
    const tracker = {
      flush: () => page.evaluate(() => window.SessionMood!.tracker!.flush()),
      sessionId: () => page.evaluate(() => window.SessionMood!.tracker!.sessionId),
      mood: () => page.evaluate(() => window.SessionMood!.tracker!.getMood()),
    };
    return { server, site, page, sent, errors, tracker };
  }

  it("local scoring gives the page the same mood the server computes for the same session", async () => {
    const { server, page, tracker, sent } = await visit((s) => ({ key: s.key, endpoint: s.url, "local-scoring": "true" }));
    for (let i = 0; i < 4; i++) await page.click("#dead");
    await page.click("#buy");
    await expect.poll(async () => (await tracker.flush(), sent.events.filter((e) => e.type === "click").length)).toBe(5);
    const local = (await tracker.mood())!;
    const remote = (await server.mood(await tracker.sessionId()))!;
    expect(remote.event_count).toBe(sent.events.length);
    expect({ mood: local.mood, confidence: local.confidence, signals: local.signals }).toEqual({
      mood: remote.mood,
      confidence: remote.confidence,
      signals: remote.signals,
    });
  });

  it("without local scoring the page gets the server's whole mood after each batch", async () => {
    const { server, page, tracker } = await visit((s) => ({ key: s.key, endpoint: s.url }));
    for (let i = 0; i < 4; i++) await page.click("#dead");
    await tracker.flush();
    const remote = (await server.mood(await tracker.sessionId()))!;
    expect(await tracker.mood()).toEqual({
      mood: remote.mood,
      confidence: remote.confidence,
      signals: remote.signals,
      suggested_action: remote.suggested_action,
      action_source: remote.action_source,
    });
  });

  it("events sent while the server is down are retried and stored once it is back", async () => {
    const { server, page, tracker } = await visit((s) => ({
      key: s.key,
      endpoint: s.url,
      options: JSON.stringify({ transport: { retryMs: 200, maxRetryMs: 400 } }),
    }));
    await tracker.flush();
    const id = await tracker.sessionId();
    await expect.poll(async () => (await server.mood(id))?.event_count).toBe(1);
    await server.stop();
    let refused = 0;
    page.on("requestfailed", (request) => void (request.url().includes("/v1/sessions/") && refused++));
    await page.click("#buy");
    await page.click("#buy");
    await tracker.flush();
    // Retried with backoff while nothing listens on the port.
    await expect.poll(() => refused, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    await server.start();
    await expect.poll(async () => (await server.mood(id))?.event_count, { timeout: 10_000 }).toBe(3);
  });

  it("after a 429 the page stops sending until reset_at, then sends what it kept", async () => {
    const plans = {
      starter: { sessionsPerMonth: 1, retentionDays: 7 },
      growth: { sessionsPerMonth: 1, retentionDays: 30 },
      pro: { sessionsPerMonth: 1, retentionDays: 90 },
    };
    // The server's clock, moved to the next month below along with the page's.
    let serverNow = Date.now();
    const { server, site, page, sent, tracker } = await visit((s) => ({ key: s.key, endpoint: s.url, "session-id": "first" }), {
      plans,
      now: () => serverNow,
    });
    await tracker.flush();
    await expect.poll(async () => (await server.mood("first"))?.event_count).toBe(1);
    site.useScript(`${server.url}/sdk/sessionmood.min.js`, { key: server.key, endpoint: server.url, "session-id": "second" });
    await page.clock.install();
    const refused = page.waitForResponse((r) => r.url().includes("/sessions/second/") && r.status() === 429);
    await page.goto(`${site.origin}/next`);
    await page.waitForFunction(() => window.SessionMood?.tracker);
    await tracker.flush();
    const resetAt = Date.parse(((await (await refused).json()) as { reset_at: string }).reset_at);
    const requests = sent.urls.length;
    for (let i = 0; i < 3; i++) await page.click("#buy");
    await tracker.flush();
    await tracker.flush();
    expect(sent.urls.length).toBe(requests);
    serverNow = resetAt + 1000;
    await page.clock.fastForward(resetAt + 1000 - (await page.evaluate(() => Date.now())));
    // The page view and three clicks kept through the pause (and the idle the month away caused).
    await expect.poll(async () => (await server.mood("second"))?.event_count, { timeout: 10_000 }).toBeGreaterThanOrEqual(4);
    expect(sent.events.slice(-6).filter((e) => e.type === "click")).toHaveLength(3);
  });

  it("after the burst limiter's 429 the page waits as long as Retry-After says, then sends what it kept", async () => {
    // The server's clock, moved on below along with the page's.
    let serverNow = Date.now();
    const { server, site, page, sent, tracker } = await visit((s) => ({ key: s.key, endpoint: s.url }), {
      rateLimitPerMinute: 2,
      now: () => serverNow,
    });
    const track = () => page.evaluate(() => window.SessionMood!.tracker!.track("backtrack"));
    const limited: string[] = [];
    page.on("response", (r) => {
      if (r.url().includes("/v1/sessions/") && r.status() === 429) limited.push(r.headers()["retry-after"]!);
    });
    // The first of the two requests a minute the limiter allows: the first page's view.
    await tracker.flush();
    await page.clock.install();
    await page.goto(`${site.origin}/next`);
    await page.waitForFunction(() => window.SessionMood?.tracker);
    // From here the page's time only moves when the test says.
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
    const id = await tracker.sessionId();
    // The second: the next page's view.
    await tracker.flush();
    await track();
    await tracker.flush();
    await expect.poll(() => limited).toEqual(["30"]);
    const refused = sent.bodies.length - 1;
    await track();
    await track();
    await tracker.flush();
    await page.clock.runFor(29_999);
    expect(sent.bodies).toHaveLength(refused + 1);
    // A minute on the server refills the whole burst, so everything kept goes through.
    serverNow += 60_000;
    await page.clock.runFor(1);
    // Two page views and three backtracks (and the idle of the half minute without input).
    await expect.poll(async () => (await server.mood(id))?.event_count, { timeout: 10_000 }).toBeGreaterThanOrEqual(5);
    expect(limited).toHaveLength(1);
    // The refused batch went again, under the same id, as the first request after the pause.
    expect(sent.bodies[refused + 1]).toBe(sent.bodies[refused]);
    expect(sent.count("backtrack")).toBe(4);
  });

  it("an unreachable endpoint causes no error in the page", async () => {
    const { page, tracker, errors } = await visit(() => ({ key: "pk_nowhere", endpoint: "http://127.0.0.1:9" }));
    for (let i = 0; i < 3; i++) await page.click("#dead");
    await tracker.flush();
    await page.evaluate(() => {
      window.SessionMood!.tracker!.track("error", { message: "checkout failed" });
      return window.SessionMood!.tracker!.flush();
    });
    expect(errors).toEqual([]);
  });

  it("a visitor who stops for a minute is reported idle without further input", async () => {
    const { site, page, sent } = await visit((s) => ({ key: s.key, endpoint: s.url }));
    await page.clock.install();
    await page.goto(`${site.origin}/later`);
    await page.waitForFunction(() => window.SessionMood?.tracker);
    const idle = page.waitForRequest((r) => (r.postData() ?? "").includes('"idle"'));
    await page.clock.fastForward(59_000);
    expect(sent.count("idle")).toBe(0);
    await page.clock.fastForward(1_500);
    await idle;
    expect(sent.events.find((e) => e.type === "idle")!.duration_ms).toBeGreaterThanOrEqual(60_000);
  });
});
