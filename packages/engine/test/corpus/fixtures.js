import { readdirSync, readFileSync } from "node:fs";

const DIR = new URL("./fixtures/", import.meta.url);

/**
 * Every recorded session of the accuracy corpus, by id: `{id, description, label: {mood,
 * intervention}, device, events}` (see `pnpm corpus:record`).
 */
export function loadFixtures() {
  return readdirSync(DIR)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => JSON.parse(readFileSync(new URL(file, DIR), "utf8")));
}
