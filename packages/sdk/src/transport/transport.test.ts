import type { MoodEvent } from "@sessionmood/engine";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DEFAULTS } from "../defaults.js";
import { createTransport } from "./transport.js";

const URL = "https://mood.example/v1/sessions/s1/events?key=pk_test";
const click = (n: number): MoodEvent => ({ type: "click", ts: n, x: n, y: 0 });

/** A stand-in server: answers each request with the next response queued (default 200). */
function fakeServer() {
  const bodies: MoodEvent[][] = [];
  const answers: Array<Response | "network error"> = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (_url: string, init: RequestInit) => {
      bodies.push((JSON.parse(String(init.body)) as { events: MoodEvent[] }).events);
      const answer = answers.shift() ?? json(200, { current_mood: "neutral", mood: { mood: "neutral" } });
      if (answer === "network error") throw new TypeError("Failed to fetch");
      return answer;
    }),
  );
  return { bodies, answers };
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

describe("transport", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.spyOn(console, "warn").mockImplementation(() => {});
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it("sends a full batch at once and a partial one after the flush interval", async () => {
    const server = fakeServer();
    const transport = createTransport(URL, DEFAULTS.transport, "q", () => {});
    for (let i = 0; i < 21; i++) transport.add(click(i));
    await vi.advanceTimersByTimeAsync(0);
    expect(server.bodies.map((b) => b.length)).toEqual([20]);
    await vi.advanceTimersByTimeAsync(4999);
    expect(server.bodies).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.bodies.map((b) => b.length)).toEqual([20, 1]);
    transport.stop();
  });

  it("retries network errors and 5xx with growing delays, keeping every event in order", async () => {
    const server = fakeServer();
    server.answers.push("network error", json(503, { error: "Service Unavailable" }));
    const transport = createTransport(URL, { ...DEFAULTS.transport, batchSize: 2 }, "q", () => {});
    transport.add(click(1));
    transport.add(click(2));
    await vi.advanceTimersByTimeAsync(0);
    transport.add(click(3));
    await vi.advanceTimersByTimeAsync(60_000 + 5000);
    expect(server.bodies.map((b) => b.map((e) => e.ts))).toEqual([[1, 2], [1, 2], [1, 2], [3]]);
    expect(transport.dropped).toBe(0);
    transport.stop();
  });

  it("sends nothing after a 429 until reset_at, then carries on", async () => {
    const server = fakeServer();
    const resetAt = new Date(Date.now() + 3_600_000).toISOString();
    server.answers.push(json(429, { error: "Rate limit exceeded", plan: "starter", limit: 1, reset_at: resetAt }));
    const transport = createTransport(URL, DEFAULTS.transport, "q", () => {});
    transport.add(click(1), true);
    await vi.advanceTimersByTimeAsync(0);
    transport.add(click(2));
    await transport.flush();
    await vi.advanceTimersByTimeAsync(3_600_000 - 1000);
    expect(server.bodies).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.bodies.map((b) => b.map((e) => e.ts))).toEqual([[1], [1, 2]]);
    transport.stop();
  });

  it("drops a batch the server refuses with another 4xx, warns and counts it, and goes on", async () => {
    const server = fakeServer();
    server.answers.push(json(400, { error: "Invalid event type" }));
    const transport = createTransport(URL, DEFAULTS.transport, "q", () => {});
    transport.add(click(1), true);
    await vi.advanceTimersByTimeAsync(0);
    transport.add(click(2), true);
    await vi.advanceTimersByTimeAsync(0);
    expect(server.bodies.map((b) => b.map((e) => e.ts))).toEqual([[1], [2]]);
    expect(transport.dropped).toBe(1);
    expect(console.warn).toHaveBeenCalledWith("[sessionmood]", expect.stringContaining("400"));
    transport.stop();
  });

  it("keeps at most maxQueue events, dropping and counting the oldest", async () => {
    const server = fakeServer();
    server.answers.push("network error");
    const transport = createTransport(URL, { ...DEFAULTS.transport, maxQueue: 5, batchSize: 5 }, "q", () => {});
    for (let i = 0; i < 5; i++) transport.add(click(i));
    await vi.advanceTimersByTimeAsync(0);
    for (let i = 5; i < 8; i++) transport.add(click(i));
    expect(transport.dropped).toBe(3);
    await transport.flush();
    expect(server.bodies.at(-1)!.map((e) => e.ts)).toEqual([3, 4, 5, 6, 7]);
    expect(console.warn).toHaveBeenCalledTimes(1);
    transport.stop();
  });

  it("hands the server's mood of each batch to the tracker", async () => {
    fakeServer();
    const moods: unknown[] = [];
    const transport = createTransport(URL, DEFAULTS.transport, "q", (mood) => moods.push(mood));
    transport.add(click(1));
    await transport.flush();
    expect(moods).toEqual([{ mood: "neutral" }]);
    transport.stop();
  });

  it("beacons what is queued when the page is left", () => {
    const server = fakeServer();
    const beacons: string[] = [];
    vi.stubGlobal("navigator", { sendBeacon: (url: string) => (beacons.push(url), true) });
    const transport = createTransport(URL, DEFAULTS.transport, "q", () => {});
    transport.add(click(1));
    transport.leave();
    expect(beacons).toEqual([URL]);
    expect(server.bodies).toHaveLength(0);
    transport.stop();
  });
});
