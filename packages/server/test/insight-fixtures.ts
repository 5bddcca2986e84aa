import type { MoodEvent } from "@sessionmood/engine";
import { RAGE, type TestServer } from "./test-server.js";

export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;

export type Visit = "calm" | "rage";

/** A visit to `path` starting at `at` (Unix ms): a calm look around, or a rage at a broken button. */
export function visitEvents(at: number, path: string, visit: Visit): MoodEvent[] {
  const ts = (offsetS: number) => at / 1000 + offsetS;
  const view: MoodEvent = { type: "page_view", url: path, ts: ts(0) };
  if (visit === "rage") return [view, ...RAGE.map((event, i) => ({ ...event, ts: ts(1 + i) }) as MoodEvent)];
  return [
    view,
    { type: "scroll", speed: 300, direction: "down", ts: ts(4) },
    { type: "click", x: 40, y: 300, ts: ts(9) },
    { type: "scroll", speed: 250, direction: "down", ts: ts(15) },
  ];
}

export interface ImportedSession {
  id: string;
  events: MoodEvent[];
}

/** Posts each session's events with the secret key, a few at a time, and checks every answer. */
export async function importSessions(server: TestServer, key: string, sessions: readonly ImportedSession[]): Promise<void> {
  for (let i = 0; i < sessions.length; i += 25) {
    const answers = await Promise.all(
      sessions
        .slice(i, i + 25)
        .map(({ id, events }) => server.call("POST", `/v1/sessions/${encodeURIComponent(id)}/events`, { key, body: { events } })),
    );
    const failed = answers.find((answer) => answer.status !== 200);
    if (failed) throw new Error(`import failed: ${failed.status} ${JSON.stringify(failed.body)}`);
  }
}

/** `count` sessions of which `raging` rage, at `at` plus a minute each, on `path`. */
export function sessionsAt(prefix: string, at: number, path: string, count: number, raging: number): ImportedSession[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}-${i}`,
    events: visitEvents(at + i * 60_000, path, i < raging ? "rage" : "calm"),
  }));
}
