import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { expect, it } from "vitest";

/**
 * 2.5 KB bought the scoring itself; the next 1 KB buys moods right about real visitors: a state
 * that depends only on which events were scored (the buffer of recent events, its canonical
 * order and the fold over it), its version, the minimum confidence to act, per-mood action
 * policies, and the rules the recorded corpus called for (clicks into fields are form work,
 * typing pauses and absences weighed by their length).
 */
const BUDGET_BYTES = 3.5 * 1024;

it("the engine costs a page at most 3.5 KB minified and gzipped", async () => {
  const bundle = await build({
    entryPoints: [new URL("./index.ts", import.meta.url).pathname],
    bundle: true,
    minify: true,
    format: "esm",
    write: false,
  });
  const gzipped = gzipSync(bundle.outputFiles[0]!.contents, { level: 9 }).length;
  expect(gzipped).toBeLessThanOrEqual(BUDGET_BYTES);
});
