import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { build as esbuild } from "esbuild";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../e2e/harness.js";

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const TSC = join(ROOT, "node_modules/typescript/bin/tsc");

/** What a site writes: the SDK with in-page scoring, and the engine directly. */
const MAIN = `import { init, localScoring, type CurrentMood, type Tracker } from "@sessionmood/sdk";
import { createMoodState, moodOf, type MoodResult } from "@sessionmood/engine";

const tracker: Tracker = init({ key: "pk_test", endpoint: "http://127.0.0.1:9", localScoring, allowBots: true });
for (let i = 0; i < 3; i++) tracker.track("rage_click", { x: 1, y: 1 });
tracker.track("error", { message: "Payment failed" });
const mood: CurrentMood | null = tracker.getMood();
const empty: MoodResult = moodOf(createMoodState());
(window as unknown as { result: unknown }).result = { mood: mood?.mood, action: mood?.suggested_action, empty: empty.mood };
`;

const RESOLUTIONS = {
  bundler: { module: "ESNext", moduleResolution: "Bundler" },
  node16: { module: "Node16", moduleResolution: "Node16" },
  nodenext: { module: "NodeNext", moduleResolution: "NodeNext" },
  // Older settings find the types through the packages' top-level "types".
  node10: { module: "ESNext", moduleResolution: "Node10" },
};

describe("the packed packages, installed in a project outside the repository", { timeout: 240_000 }, () => {
  let consumer: string;
  let browser: Browser;

  beforeAll(async () => {
    consumer = mkdtempSync(join(tmpdir(), "sessionmood-consumer-"));
    const tarballs = join(consumer, "tarballs");
    mkdirSync(tarballs);
    for (const pkg of ["engine", "sdk"]) {
      await run("npx", ["-y", "pnpm@10", "pack", "--pack-destination", tarballs], { cwd: join(ROOT, "packages", pkg) });
    }
    const [engine, sdk] = ["engine", "sdk"].map((pkg) => join(tarballs, readdirSync(tarballs).find((f) => f.includes(`-${pkg}-`))!));
    writeFileSync(
      join(consumer, "package.json"),
      JSON.stringify({ name: "shop", private: true, type: "module", dependencies: { "@sessionmood/engine": `file:${engine}`, "@sessionmood/sdk": `file:${sdk}` } }),
    );
    mkdirSync(join(consumer, "src"));
    writeFileSync(join(consumer, "src/main.ts"), MAIN);
    await run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], { cwd: consumer });
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    if (consumer) rmSync(consumer, { recursive: true, force: true });
  });

  it("ships what a package should: types, README, LICENSE, maps with their sources, no tests", () => {
    const installed = (pkg: string) => join(consumer, "node_modules/@sessionmood", pkg);
    for (const pkg of ["engine", "sdk"]) {
      const files = readdirSync(installed(pkg));
      expect(files).toEqual(expect.arrayContaining(["README.md", "LICENSE", "package.json", "dist"]));
      const manifest = JSON.parse(readFileSync(join(installed(pkg), "package.json"), "utf8"));
      expect(manifest.sideEffects).toBe(false);
      expect(JSON.stringify(manifest.dependencies ?? {})).not.toContain("workspace:");
    }
    const map = JSON.parse(readFileSync(join(installed("engine"), "dist/index.js.map"), "utf8"));
    expect(map.sourcesContent?.[0]).toContain("export");
    const dist = readdirSync(join(installed("sdk"), "dist/esm"));
    expect(dist.some((file) => file.includes(".test."))).toBe(false);
  });

  it.each(Object.entries(RESOLUTIONS))("type-checks with moduleResolution %s", async (name, options) => {
    const config = join(consumer, `tsconfig.${name}.json`);
    writeFileSync(
      config,
      JSON.stringify({
        compilerOptions: { ...options, target: "ES2022", lib: ["ES2022", "DOM"], strict: true, noEmit: true, skipLibCheck: false, types: [] },
        include: ["src"],
      }),
    );
    await expect(run(process.execPath, [TSC, "-p", config], { cwd: consumer })).resolves.toBeDefined();
  });

  async function runInChromium(script: string, type: "module" | "classic") {
    const page = await browser.newPage();
    try {
      const errors: Error[] = [];
      page.on("pageerror", (error) => errors.push(error));
      await page.setContent("<!doctype html><title>Shop</title>");
      await page.addScriptTag({ content: script, ...(type === "module" && { type: "module" }) });
      await page.waitForFunction(() => (window as unknown as { result?: unknown }).result);
      expect(errors).toEqual([]);
      return await page.evaluate(() => (window as unknown as { result: unknown }).result);
    } finally {
      await page.close();
    }
  }

  it("bundles with esbuild and runs in Chromium", async () => {
    const out = await esbuild({ entryPoints: [join(consumer, "src/main.ts")], bundle: true, write: false, format: "iife", absWorkingDir: consumer });
    expect(await runInChromium(out.outputFiles[0]!.text, "classic")).toEqual({ mood: "frustrated", action: "show_live_chat", empty: "neutral" });
  });

  it("bundles with Vite and runs in Chromium", async () => {
    const vitePath = createRequire(createRequire(import.meta.url).resolve("vitest/package.json")).resolve("vite");
    const { build } = (await import(vitePath)) as { build(config: object): Promise<unknown> };
    writeFileSync(join(consumer, "index.html"), '<!doctype html><script type="module" src="/src/main.ts"></script>');
    await build({ root: consumer, logLevel: "silent", configFile: false, build: { outDir: join(consumer, "vite-dist") } });
    const assets = join(consumer, "vite-dist/assets");
    const bundle = readFileSync(join(assets, readdirSync(assets).find((file) => file.endsWith(".js"))!), "utf8");
    expect(await runInChromium(bundle, "module")).toEqual({ mood: "frustrated", action: "show_live_chat", empty: "neutral" });
  });
});
