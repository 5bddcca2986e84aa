import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { expect, it } from "vitest";

it("the engine costs a page at most 2.5 KB minified and gzipped", async () => {
  const bundle = await build({
    entryPoints: [new URL("./index.ts", import.meta.url).pathname],
    bundle: true,
    minify: true,
    format: "esm",
    write: false,
  });
  const gzipped = gzipSync(bundle.outputFiles[0]!.contents, { level: 9 }).length;
  expect(gzipped).toBeLessThanOrEqual(2500);
});
