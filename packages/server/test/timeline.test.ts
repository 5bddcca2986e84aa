import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { importSessions, visitEvents } from "./insight-fixtures.js";
import { startTestServer, type Account, type TestServer } from "./test-server.js";

const NOW_MS = Date.UTC(2026, 10, 20, 12);

let server: TestServer;
let shop: Account;
beforeAll(async () => {
  server = await startTestServer({ now: () => NOW_MS, rateLimitPerMinute: 0 });
  shop = await server.signUp();
});
afterAll(() => server.close());

const timeline = async (id: string, key = shop.secret) => server.call("GET", `/v1/sessions/${id}/timeline`, { key });
const post = (id: string, events: unknown[]) => server.call("POST", `/v1/sessions/${id}/events`, { key: shop.secret, body: { events } });

/** A calm visit to the product list, then a rage at checkout a minute later. */
const journey = () => [
  ...visitEvents(NOW_MS - 10 * 60_000, "/products", "calm"),
  ...visitEvents(NOW_MS - 9 * 60_000, "/checkout", "rage"),
];

describe("mood history", () => {
  test("each change is kept with its event time, from, to, confidence, signals and page, oldest first", async () => {
    await importSessions(server, shop.secret, [{ id: "journey", events: journey() }]);
    const { status, body } = await timeline("journey");
    expect(status).toBe(200);
    expect(body.session_id).toBe("journey");
    const last = body.changes.at(-1);
    expect(last).toMatchObject({ to: "frustrated", page: "/checkout" });
    expect(last.signals).toContain("rage_click_detected");
    expect(last.confidence).toBeGreaterThan(0);
    // The change happened at a rage click's time, not when the batch arrived.
    const rageTimes = journey().filter((event) => event.type === "rage_click").map((event) => event.ts! * 1000);
    expect(rageTimes).toContain(Date.parse(last.at));
    const times = body.changes.map((change: { at: string }) => Date.parse(change.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    body.changes.forEach((change: { from: string; to: string }, i: number) => {
      expect(change.from).not.toBe(change.to);
      if (i > 0) expect(change.from).toBe(body.changes[i - 1].to);
    });
    expect(body.changes[0].from).toBe("neutral");
  });

  test("the timeline is the same however the events were batched and in whatever order batches arrived", async () => {
    const events = journey();
    const batches = events.map((event) => [event]);
    for (const batch of batches) await post("in-order", batch);
    for (const batch of [...batches].reverse()) await post("reversed", batch);
    await post("shuffled", events.filter((_, i) => i % 2 === 1));
    await post("shuffled", events.filter((_, i) => i % 2 === 0));
    await importSessions(server, shop.secret, [{ id: "one-batch", events }]);

    const withoutIds = async (id: string) =>
      (await timeline(id)).body.changes.map(({ id: _id, ...change }: { id: number }) => change);
    const expected = await withoutIds("one-batch");
    expect(expected.length).toBeGreaterThan(0);
    for (const id of ["in-order", "reversed", "shuffled"]) expect(await withoutIds(id)).toEqual(expected);
    const moods = await Promise.all(
      ["in-order", "reversed", "shuffled", "one-batch"].map(async (id) => (await server.call("GET", `/v1/sessions/${id}/mood`, { key: shop.secret })).body),
    );
    expect(new Set(moods.map((mood) => JSON.stringify({ ...mood, session_id: undefined }))).size).toBe(1);
  });

  test("a change worked out again keeps its id; ids only grow", async () => {
    const events = journey();
    await post("kept", events.slice(2));
    const before = (await timeline("kept")).body.changes;
    // An early event arriving late makes the session's history be worked out again.
    await post("kept", events.slice(0, 2));
    const after = (await timeline("kept")).body.changes;
    const ids = after.map((change: { id: number }) => change.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const change of after) {
      const same = before.find((old: { at: string; from: string; to: string }) => old.at === change.at && old.from === change.from && old.to === change.to);
      if (same) expect(change.id).toBe(same.id);
    }
  });

  test("deleting a session deletes its history", async () => {
    await importSessions(server, shop.secret, [{ id: "erased", events: journey() }]);
    expect((await timeline("erased")).body.changes.length).toBeGreaterThan(0);
    await server.call("DELETE", "/v1/sessions/erased", { key: shop.secret });
    expect((await timeline("erased")).status).toBe(404);
    const left = (table: string) =>
      server.query<{ n: number }>(
        `SELECT count(*) AS n FROM ${table} WHERE session_pk NOT IN (SELECT pk FROM sessions)`,
      )[0]!.n;
    expect(left("mood_changes") + left("session_activity") + left("page_visits")).toBe(0);
  });

  test("another account's session, an unknown one and the publishable key get no timeline", async () => {
    const other = await server.signUp();
    await importSessions(server, shop.secret, [{ id: "mine", events: journey() }]);
    expect((await timeline("mine", other.secret)).status).toBe(404);
    expect((await timeline("nobody")).status).toBe(404);
    expect((await timeline("mine", shop.publishable)).status).toBe(403);
  });
});
