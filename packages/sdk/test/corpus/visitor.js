import { setTimeout } from "node:timers/promises";

/**
 * What a visitor does, as Playwright steps on a page whose clock is installed and paused: every
 * wait is `clock.runFor`, so a 15 s reading pause or a 10-minute absence takes no real time, and
 * the SDK's timers (idle, dead clicks, batching) fire in page time exactly as they would.
 */

/** Timing of ordinary actions, in page milliseconds. */
const PACE = {
  /** Between wheel ticks of one gesture. */
  wheelTickMs: 40,
  /** After a gesture, longer than the SDK's gesture end. */
  settleMs: 400,
  /** Between two keystrokes of steady typing. */
  keyMs: 180,
  /** Between two clicks of an angry burst. */
  rageMs: 150,
  /** Mouse steps and their pace when moving to a target. */
  moveSteps: 8,
  moveStepMs: 25,
  /** Most frames a scroll may take to come to rest (a touch glide takes up to ~1.5 s). */
  glideFrames: 90,
};

/**
 * @param {import("playwright-core").Page} page
 * @param {string} origin the site's origin, which `visit` paths are relative to
 */
export function visitor(page, origin) {
  const wait = (ms) => page.clock.runFor(Math.round(ms));
  let cdp = null;
  const touch = async () => (cdp ??= await page.context().newCDPSession(page));

  /**
   * Smooth scrolling and touch glides run in real time while page time stands still: page time
   * follows a frame at a time until the page has not moved for a few real frames.
   */
  const settle = async () => {
    let y = -1;
    for (let still = 0, frame = 0; still < 3 && frame < PACE.glideFrames; frame++) {
      await setTimeout(16);
      const nextY = await page.evaluate(() => scrollY);
      still = nextY === y ? still + 1 : 0;
      y = nextY;
      await wait(16);
    }
  };

  const moveTo = async (selector) => {
    const box = await boxOf(page, selector);
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    for (let step = 1; step <= PACE.moveSteps; step++) {
      await page.mouse.move(x - ((PACE.moveSteps - step) * 12), y - ((PACE.moveSteps - step) * 6));
      await wait(PACE.moveStepMs);
    }
    return { x, y };
  };

  return {
    page,
    wait,
    /** Opens a page of the site (a link followed, a bookmark, a search result). */
    async visit(path) {
      await page.goto(origin + path);
      await wait(300);
    },
    /** Scrolls by `dy` px with the mouse wheel over `ms`, then stops. */
    async wheel(dy, ms = 400) {
      const ticks = Math.max(1, Math.round(ms / PACE.wheelTickMs));
      for (let i = 0; i < ticks; i++) {
        await page.mouse.wheel(0, dy / ticks);
        await wait(PACE.wheelTickMs);
      }
      await settle();
      await wait(PACE.settleMs);
    },
    /** Presses a key `times` times, a beat apart (PageDown, Space, ArrowDown, End, Home). */
    async press(key, times = 1, everyMs = 600) {
      for (let i = 0; i < times; i++) {
        await page.keyboard.press(key);
        await settle();
        await wait(everyMs);
      }
    },
    /** Moves the mouse to `selector` and clicks it, then looks at the result for `thenMs`. */
    async click(selector, thenMs = 1500) {
      await moveTo(selector);
      await page.locator(selector).first().click();
      await wait(thenMs);
    },
    /** Clicks a link to another page and reads it from its load on for `thenMs`. */
    async follow(selector, thenMs = 1500) {
      await moveTo(selector);
      await Promise.all([page.waitForEvent("load"), page.locator(selector).first().click()]);
      await wait(thenMs);
    },
    /** `times` clicks on `selector` each `everyMs` apart: rage when fast, stubborn retrying when slow. */
    async clicks(selector, times, everyMs = PACE.rageMs) {
      const { x, y } = await moveTo(selector);
      for (let i = 0; i < times; i++) {
        await page.mouse.click(x + (i % 3), y + (i % 2));
        await wait(everyMs);
      }
      await wait(1200);
    },
    /** Rests the pointer on `selector` for `ms` and moves away without clicking. */
    async hover(selector, ms) {
      await moveTo(selector);
      await wait(ms);
      await page.mouse.move(5, 5, { steps: 3 });
      await wait(200);
    },
    /** Clicks into a field and types `text` steadily; `pauses` maps a character index to a pause before it. */
    async type(selector, text, pauses = {}) {
      await this.click(selector, 400);
      for (let i = 0; i < text.length; i++) {
        if (pauses[i]) await wait(pauses[i]);
        await page.keyboard.type(text[i]);
        await wait(PACE.keyMs);
      }
    },
    /** Moves to the next field with Tab and types into it. */
    async tabType(text) {
      await page.keyboard.press("Tab");
      await wait(500);
      for (const character of text) {
        await page.keyboard.type(character);
        await wait(PACE.keyMs);
      }
    },
    /** Picks an option of a select. */
    async choose(selector, label) {
      await moveTo(selector);
      await page.locator(selector).selectOption({ label });
      await wait(800);
    },
    /**
     * A touch flick: the finger drags `dy` px up the screen (positive: the page goes down) in `ms`
     * and lets go, so the page may glide on. At most ~60% of the screen's height per flick.
     */
    async flick(dy, ms = 150) {
      const session = await touch();
      const { width, height } = page.viewportSize();
      const x = Math.round(width / 2);
      const fromY = dy > 0 ? Math.round(height * 0.8) : Math.round(height * 0.2);
      const steps = 8;
      await session.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x, y: fromY }] });
      for (let step = 1; step <= steps; step++) {
        await session.send("Input.dispatchTouchEvent", {
          type: "touchMove",
          touchPoints: [{ x, y: Math.round(fromY - (dy * step) / steps) }],
        });
        await wait(ms / steps);
      }
      await session.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
      await settle();
      await wait(PACE.settleMs);
    },
    /** A tap with a finger. */
    async tap(selector, thenMs = 1500) {
      const box = await boxOf(page, selector);
      await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
      await wait(thenMs);
    },
    /** Taps a link to another page and reads it from its load on for `thenMs`. */
    async followTap(selector, thenMs = 1500) {
      const box = await boxOf(page, selector);
      await Promise.all([page.waitForEvent("load"), page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2)]);
      await wait(thenMs);
    },
    /** Several fast taps on the same spot. */
    async taps(selector, times, everyMs = PACE.rageMs) {
      const box = await boxOf(page, selector);
      for (let i = 0; i < times; i++) {
        await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
        await wait(everyMs);
      }
      await wait(1200);
    },
    /** The browser's back (or forward) button. */
    async back(thenMs = 1500) {
      await page.goBack();
      await wait(thenMs);
    },
    async forward(thenMs = 1500) {
      await page.goForward();
      await wait(thenMs);
    },
    /**
     * The visitor switches to another tab for `ms` (the page is hidden) and, with `comeBack`,
     * returns to it. Headless Chromium keeps every page visible, so the page is told as a real
     * tab switch tells it: `visibilityState` and a `visibilitychange` event.
     */
    async leaveTab(ms, comeBack = true) {
      await setVisibility(page, "hidden");
      await wait(ms);
      if (comeBack) await setVisibility(page, "visible");
      await wait(300);
    },
  };
}

/** Where `selector` is on the screen, scrolled into view first if need be (as Playwright's own clicks do). */
async function boxOf(page, selector) {
  const element = page.locator(selector).first();
  await element.scrollIntoViewIfNeeded();
  const box = await element.boundingBox();
  if (!box) throw new Error(`${selector} is not visible`);
  return box;
}

function setVisibility(page, state) {
  return page.evaluate((state) => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => state });
    Object.defineProperty(document, "hidden", { configurable: true, get: () => state === "hidden" });
    document.dispatchEvent(new Event("visibilitychange"));
  }, state);
}
