#!/usr/bin/env node
/**
 * Publishes @sessionmood/engine and @sessionmood/sdk to the npm registry, in that order, after
 * checking that every package carries the same version. `--dry-run` packs and shows what would
 * be published without publishing.
 *
 *   npx -y pnpm@10 release --dry-run
 *   npx -y pnpm@10 release          # needs `npm login` (or NPM_TOKEN) and a clean git tree
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const PUBLISHED = ["engine", "sdk"];
const ALL = ["engine", "sdk", "server"];
const dryRun = process.argv.includes("--dry-run");

const versions = Object.fromEntries(
  ALL.map((pkg) => [pkg, JSON.parse(readFileSync(new URL(`../packages/${pkg}/package.json`, import.meta.url), "utf8")).version]),
);
if (new Set(Object.values(versions)).size !== 1) {
  console.error(`The packages' versions differ; keep them in step first: ${JSON.stringify(versions)}`);
  process.exit(1);
}
console.log(`${dryRun ? "Dry run: would publish" : "Publishing"} version ${versions.engine} of ${PUBLISHED.map((p) => `@sessionmood/${p}`).join(", ")}`);
execFileSync("npx", ["-y", "pnpm@10", "--filter", "@sessionmood/engine", "--filter", "@sessionmood/sdk", "run", "build"], { stdio: "inherit" });
for (const pkg of PUBLISHED) {
  const args = ["-y", "pnpm@10", "publish", "--access", "public", ...(dryRun ? ["--dry-run", "--no-git-checks"] : [])];
  execFileSync("npx", args, { cwd: new URL(`../packages/${pkg}/`, import.meta.url), stdio: "inherit" });
}
