import { ACTION_BY_MOOD } from "@sessionmood/engine";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { init } from "./init.js";
import { localScoring } from "./localScoring.js";
import type { TrackerOptions } from "./options.js";

const CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";
const GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
const OFF = {
  pageView: false,
  click: false,
  rageClick: false,
  scroll: false,
  idle: false,
  error: false,
  hover: false,
  inputPause: false,
  focus: false,
} as const;

/** Just enough of a browser tab for `init`: storage, listeners, a user agent, and a server that accepts everything. */
function fakeTab(userAgent = CHROME, webdriver = false, answer: object = {}) {
  const items = new Map<string, string>();
  const target = { addEventListener() {}, removeEventListener() {} };
  vi.stubGlobal("document", { ...target, visibilityState: "visible" });
  vi.stubGlobal("window", target);
  vi.stubGlobal("navigator", { userAgent, webdriver, sendBeacon: () => true });
  vi.stubGlobal("sessionStorage", {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  });
  const requests: Array<{ url: string; body: Record<string, unknown> }> = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, request: RequestInit) => {
      requests.push({ url, body: JSON.parse(String(request.body)) as Record<string, unknown> });
      return new Response(JSON.stringify(answer));
    }),
  );
  return { items, requests };
}

const options = (more: Partial<TrackerOptions> = {}): TrackerOptions => ({
  key: "pk_test",
  endpoint: "https://mood.example",
  detectors: OFF,
  ...more,
});

describe("init", () => {
  beforeEach(() => void vi.spyOn(console, "warn").mockImplementation(() => {}));
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it("consent given later continues the session the page started, and a reload goes on with it", async () => {
    const tab = fakeTab();
    const tracker = init(options({ consent: false }));
    tracker.track("click");
    await tracker.flush();
    expect(tab.requests).toEqual([]);
    expect(tab.items.size).toBe(0);
    tracker.setConsent(true);
    tracker.track("click");
    await tracker.flush();
    expect(tab.requests.map((r) => r.url)).toEqual([expect.stringContaining(`/v1/sessions/${tracker.sessionId}/events`)]);
    const reloaded = init(options({ consent: false }));
    expect(reloaded.sessionId).toBe(tracker.sessionId);
    tracker.stop();
    reloaded.stop();
  });

  it("withdrawn consent clears what is queued and stored, and sends nothing more", async () => {
    const tab = fakeTab();
    const tracker = init(options());
    tracker.track("click");
    tracker.setConsent(false);
    tracker.track("click");
    await tracker.flush();
    expect(tab.requests).toEqual([]);
    expect(tab.items.size).toBe(0);
  });

  it.each([
    ["a crawler", GOOGLEBOT, false],
    ["an automated browser", CHROME, true],
  ])("in %s sends nothing, unless the site allows bots, and then says so to the server", async (_who, userAgent, webdriver) => {
    const tab = fakeTab(userAgent, webdriver);
    const bot = init(options());
    bot.track("click");
    await bot.flush();
    expect(tab.requests).toEqual([]);
    const allowed = init(options({ allowBots: true }));
    allowed.track("click");
    await allowed.flush();
    expect(tab.requests.map((r) => r.body.allow_bots)).toEqual([true]);
    allowed.stop();
  });

  it("a tracked event of an unknown type is warned about and not sent", async () => {
    const tab = fakeTab();
    const tracker = init(options());
    tracker.track("tap" as "click");
    tracker.track("click");
    await tracker.flush();
    expect(tab.requests.map((r) => (r.body.events as Array<{ type: string }>).map((e) => e.type))).toEqual([["click"]]);
    expect(console.warn).toHaveBeenCalledWith("[sessionmood]", expect.stringContaining("tap"));
    tracker.stop();
  });

  it("onMood fires when the mood or its suggested action changes; onUpdate with every update", () => {
    fakeTab();
    const tracker = init(options({ localScoring }));
    const updates: string[] = [];
    const changes: string[] = [];
    tracker.onUpdate((m) => updates.push(`${m.mood}/${m.suggested_action}`));
    tracker.onMood((m) => changes.push(`${m.mood}/${m.suggested_action}`));
    for (let i = 0; i < 4; i++) tracker.track("scroll", { speed: 200, direction: "down" });
    for (let i = 0; i < 4; i++) tracker.track("rage_click", { x: 5, y: 5 });
    tracker.track("error", { message: "Payment failed" });
    tracker.track("back_nav");
    expect(updates).toHaveLength(10);
    const expected = updates.filter((update, i) => i === 0 || update !== updates[i - 1]);
    expect(changes).toEqual(expected);
    expect(changes.length).toBeLessThan(updates.length);
    expect(changes.at(-1)).toBe("frustrated/show_live_chat");
  });

  it("local scoring suggests the action the account learned, as the server's answers say", async () => {
    // What the server answers for an account whose frustrated visitors were helped more by tooltips.
    const policy = { ...ACTION_BY_MOOD, frustrated: "show_tooltip" };
    fakeTab(CHROME, false, { mood: { mood: "neutral" }, policy });
    const tracker = init(options({ localScoring }));
    const rage = () => {
      for (let i = 0; i < 3; i++) tracker.track("rage_click", { x: 5, y: 5 });
      tracker.track("error", { message: "Payment failed" });
    };
    rage();
    expect(tracker.getMood()).toMatchObject({ mood: "frustrated", suggested_action: "show_live_chat" });
    await tracker.flush();
    rage();
    expect(tracker.getMood()).toMatchObject({ mood: "frustrated", suggested_action: "show_tooltip" });
  });
});
