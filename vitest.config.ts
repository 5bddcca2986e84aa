import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against each package's source, so they need no build.
    alias: {
      "@sessionmood/engine": source("./packages/engine/src/index.ts"),
      "@sessionmood/sdk": source("./packages/sdk/src/index.ts"),
      "@sessionmood/server": source("./packages/server/src/server.ts"),
    },
  },
  test: {
    include: ["packages/*/src/**/*.test.ts", "packages/*/test/**/*.test.ts"],
    // Set-up hooks start Chromium and servers; on a loaded 2-core machine that alone can take
    // longer than the default 10 s. A limit against hanging, not a timing expectation.
    hookTimeout: 60_000,
  },
});
