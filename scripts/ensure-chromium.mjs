// The SDK's browser tests drive Debian's Chromium through playwright-core. On a fresh machine
// this installs it (as root, with apt-get) so the README's test command works by itself.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

const CHROMIUM = "/usr/bin/chromium";

if (!existsSync(CHROMIUM)) {
  if (process.getuid?.() !== 0) {
    console.error(
      `The browser tests need Chromium at ${CHROMIUM}. Install it first, e.g. "sudo apt-get install -y chromium".`,
    );
    process.exit(1);
  }
  // Without recommended packages the install stays small; text in test pages still needs a font.
  console.log("Installing Chromium for the browser tests…");
  execSync("apt-get update && apt-get install -y --no-install-recommends chromium fonts-liberation", {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (!existsSync(CHROMIUM)) {
    console.error(`apt-get finished but ${CHROMIUM} is still missing.`);
    process.exit(1);
  }
}
