import type { MoodEvent } from "@sessionmood/engine";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DEFAULTS } from "../defaults.js";
import { createTransport } from "./transport.js";

const URL = "https://mood.example/v1/sessions/s1/events?key=pk_test";
const click = (n: number): MoodEvent => ({ type: "click", ts: n, x: n, y: 0 });

interface Body {
  batch_id: string;
  events: MoodEvent[];
  allow_bots?: boolean;
}

/** A stand-in server: answers each request with the next response queued (default 200). */
function fakeServer() {
  const requests: Body[] = [];
  const bodies: MoodEvent[][] = [];
  const answers: Array<Response | "network error"> = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as Body;
      requests.push(body);
      bodies.push(body.events);
      const answer = answers.shift() ?? json(200, { current_mood: "neutral", mood: { mood: "neutral" } });
      if (answer === "network error") throw new TypeError("Failed to fetch");
      return answer;
    }),
  );
  return { requests, bodies, answers };
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });
}

/** sessionStorage as a page's tab has it, shared by the transports of one test (a reload). */
function fakeSessionStorage() {
  const items = new Map<string, string>();
  vi.stubGlobal("sessionStorage", {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  });
  return items;
}

/** navigator.sendBeacon that takes what it is given while `accept` says so; `sent()` reads it. */
function fakeBeacon() {
  const blobs: Blob[] = [];
  const beacon = {
    accept: true,
    sent: () => Promise.all(blobs.map(async (blob) => JSON.parse(await blob.text()) as Body)),
  };
  vi.stubGlobal("navigator", {
    sendBeacon: (_url: string, blob: Blob) => (beacon.accept && blobs.push(blob), beacon.accept),
  });
  return beacon;
}

const ts = (events: MoodEvent[][]) => events.map((b) => b.map((e) => e.ts));

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
    // The retried batch is the same batch, under the same id; what came later goes after it.
    expect(ts(server.bodies)).toEqual([[1], [1], [2]]);
    expect(server.requests[1]!.batch_id).toBe(server.requests[0]!.batch_id);
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
    // What is left of the batch sent once goes again under its id, then the newer events.
    expect(ts(server.bodies)).toEqual([[0, 1, 2, 3, 4], [3, 4], [5, 6, 7]]);
    expect(server.requests[1]!.batch_id).toBe(server.requests[0]!.batch_id);
    expect(console.warn).toHaveBeenCalledTimes(1);
    transport.stop();
  });

  it("hands the server's answer to each stored batch (its mood and the account's policy) to the tracker", async () => {
    fakeServer();
    const answers: unknown[] = [];
    const transport = createTransport(URL, DEFAULTS.transport, "q", (answer) => answers.push(answer));
    transport.add(click(1));
    await transport.flush();
    expect(answers).toEqual([{ current_mood: "neutral", mood: { mood: "neutral" } }]);
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

  it("gives every batch an id that its retries, its beacon and the next page after a reload repeat", async () => {
    const server = fakeServer();
    const storage = fakeSessionStorage();
    const beacon = fakeBeacon();
    const settings = { ...DEFAULTS.transport, batchSize: 2 };
    const first = createTransport(URL, settings, "q", () => {}, { allow_bots: true });
    first.add(click(1));
    first.add(click(2));
    // Hidden while that batch is on its way: the beacon carries it again, under its id.
    first.leave();
    await vi.advanceTimersByTimeAsync(0);
    server.answers.push("network error", json(503, { error: "Service Unavailable" }));
    first.add(click(3));
    first.add(click(4));
    await vi.advanceTimersByTimeAsync(0);
    await first.flush();
    // Hidden while the server is failing: kept for the next page, with the id it was sent under.
    first.leave();
    first.stop();
    expect(storage.has("q")).toBe(true);
    const next = createTransport(URL, settings, "q", () => {}, { allow_bots: true });
    await next.flush();
    next.stop();

    const beacons = await beacon.sent();
    const ids = server.requests.map((r) => r.batch_id);
    expect(ts(server.bodies)).toEqual([[1, 2], [3, 4], [3, 4], [3, 4]]);
    expect(ts(beacons.map((b) => b.events))).toEqual([[1, 2]]);
    expect(beacons[0]!.batch_id).toBe(ids[0]);
    expect(ids[0]).toMatch(/^[\w-]{1,64}$/);
    expect(ids[1]).not.toBe(ids[0]);
    expect(ids.slice(1)).toEqual([ids[1], ids[1], ids[1]]);
    expect(server.requests.every((r) => r.allow_bots === true)).toBe(true);
  });

  it("a queue restored after a reload is removed from storage as it is read, so it is sent once", async () => {
    const server = fakeServer();
    const storage = fakeSessionStorage();
    fakeBeacon().accept = false;
    const first = createTransport(URL, DEFAULTS.transport, "q", () => {});
    first.add(click(1));
    first.leave();
    first.stop();
    const reloaded = createTransport(URL, DEFAULTS.transport, "q", () => {});
    expect(storage.has("q")).toBe(false);
    const another = createTransport(URL, DEFAULTS.transport, "q", () => {});
    await Promise.all([reloaded.flush(), another.flush()]);
    expect(ts(server.bodies)).toEqual([[1]]);
    reloaded.stop();
    another.stop();
  });

  it("after a 400 naming a bad field, drops that event with one warning and sends the others as a new batch", async () => {
    const server = fakeServer();
    server.answers.push(json(400, { error: "Validation failed", field: "events[1].x", message: "Expected number" }));
    const transport = createTransport(URL, DEFAULTS.transport, "q", () => {});
    for (let i = 1; i <= 3; i++) transport.add(click(i));
    await transport.flush();
    expect(ts(server.bodies)).toEqual([[1, 2, 3], [1, 3]]);
    expect(server.requests[1]!.batch_id).not.toBe(server.requests[0]!.batch_id);
    expect(transport.dropped).toBe(1);
    expect(console.warn).toHaveBeenCalledTimes(1);
    expect(console.warn).toHaveBeenCalledWith("[sessionmood]", expect.stringMatching(/events\[1\]\.x.*Expected number.*"ts":2/));
    transport.stop();
  });

  it("after a 400 naming invalid types, drops every event of those types with one warning and sends the others", async () => {
    const server = fakeServer();
    server.answers.push(json(400, { error: "Invalid event type(s)", invalid: ["tap"], valid_types: ["click"] }));
    const transport = createTransport(URL, DEFAULTS.transport, "q", () => {});
    const tap = (n: number) => ({ type: "tap", ts: n }) as unknown as MoodEvent;
    for (const event of [click(1), tap(2), click(3), tap(4)]) transport.add(event);
    await transport.flush();
    expect(ts(server.bodies)).toEqual([[1, 2, 3, 4], [1, 3]]);
    expect(transport.dropped).toBe(2);
    expect(console.warn).toHaveBeenCalledTimes(1);
    expect(console.warn).toHaveBeenCalledWith("[sessionmood]", expect.stringMatching(/2 events dropped.*"tap"/));
    transport.stop();
  });

  it.each([
    ["the session reached the server's event cap", json(200, { capped: true, dropped: 3, mood: null })],
    ["the server took the sender for a bot", json(200, { ignored: "bot" })],
    ["the session was deleted", json(410, { error: "Session deleted", session_id: "s1" })],
  ])("sends nothing more when %s, not even after a reload", async (_why, answer) => {
    const server = fakeServer();
    fakeSessionStorage();
    fakeBeacon();
    server.answers.push(answer);
    const transport = createTransport(URL, DEFAULTS.transport, "q", () => {});
    transport.add(click(1), true);
    await vi.advanceTimersByTimeAsync(0);
    transport.add(click(2), true);
    await transport.flush();
    transport.leave();
    transport.stop();
    const reloaded = createTransport(URL, DEFAULTS.transport, "q", () => {});
    reloaded.add(click(3), true);
    await reloaded.flush();
    await vi.advanceTimersByTimeAsync(60_000);
    reloaded.stop();
    expect(ts(server.bodies)).toEqual([[1]]);
    expect(console.warn).toHaveBeenCalledTimes(1);
  });

  it("after a 429 with Retry-After and no reset_at, pauses that long, even for flush, then sends the same batch", async () => {
    const server = fakeServer();
    server.answers.push(json(429, { error: "Too many requests" }, { "Retry-After": "30" }));
    const transport = createTransport(URL, DEFAULTS.transport, "q", () => {});
    transport.add(click(1), true);
    await vi.advanceTimersByTimeAsync(0);
    transport.add(click(2));
    await transport.flush();
    await vi.advanceTimersByTimeAsync(29_999);
    expect(server.bodies).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(ts(server.bodies)).toEqual([[1], [1], [2]]);
    expect(server.requests[1]!.batch_id).toBe(server.requests[0]!.batch_id);
    expect(transport.dropped).toBe(0);
    expect(console.warn).not.toHaveBeenCalled();
    transport.stop();
  });

  it("after a 503 with Retry-After, retries when the server said, not sooner", async () => {
    const server = fakeServer();
    server.answers.push(json(503, { error: "Overloaded" }, { "Retry-After": "120" }));
    const transport = createTransport(URL, DEFAULTS.transport, "q", () => {});
    transport.add(click(1), true);
    await vi.advanceTimersByTimeAsync(119_999);
    expect(server.bodies).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(ts(server.bodies)).toEqual([[1], [1]]);
    transport.stop();
  });
});
