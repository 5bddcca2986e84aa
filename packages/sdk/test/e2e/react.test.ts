import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { launchChromium } from "./harness.js";

/** A component showing the mood from the hook, with a tracker whose updates the page sends itself. */
const APP = `
import { createElement } from "react";
import { createRoot } from "react-dom/client";
import { useSessionMood } from "${fileURLToPath(new URL("../../src/react.ts", import.meta.url))}";

const listeners = new Set();
let mood = null;
const tracker = {
  getMood: () => mood,
  onUpdate(callback) { listeners.add(callback); return () => listeners.delete(callback); },
};
window.sendMood = (next) => { mood = next; listeners.forEach((listener) => listener(next)); };
window.listeners = () => listeners.size;

function Badge() {
  const current = useSessionMood(tracker);
  return createElement("output", null, current ? current.mood + " → " + current.suggested_action : "waiting");
}
const root = createRoot(document.getElementById("app"));
root.render(createElement(Badge));
window.unmount = () => root.unmount();
`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

it("useSessionMood re-renders a React component with each update and unsubscribes on unmount", { timeout: 60_000 }, async () => {
  const bundle = await build({
    stdin: { contents: APP, resolveDir: fileURLToPath(new URL(".", import.meta.url)), loader: "js" },
    bundle: true,
    write: false,
    format: "iife",
    define: { "process.env.NODE_ENV": '"production"' },
  });
  const page = await browser.newPage();
  try {
    await page.setContent('<!doctype html><div id="app"></div>');
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    await expect.poll(() => page.textContent("output")).toBe("waiting");
    await page.evaluate(() =>
      (window as unknown as { sendMood(m: object): void }).sendMood({ mood: "frustrated", confidence: 0.7, signals: [], suggested_action: "show_live_chat" }),
    );
    await expect.poll(() => page.textContent("output")).toBe("frustrated → show_live_chat");
    await page.evaluate(() => (window as unknown as { unmount(): void }).unmount());
    expect(await page.evaluate(() => (window as unknown as { listeners(): number }).listeners())).toBe(0);
  } finally {
    await page.close();
  }
});
