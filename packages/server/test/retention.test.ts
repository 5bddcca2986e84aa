import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { ADMIN_TOKEN, startTestServer, temporaryDirectory, until, type Account, type TestServer } from "./test-server.js";

const DAY = 24 * 60 * 60 * 1000;
let now = Date.UTC(2026, 4, 1);
let dir: ReturnType<typeof temporaryDirectory>;
const running: TestServer[] = [];

beforeEach(() => {
  dir = temporaryDirectory();
  now = Date.UTC(2026, 4, 1);
});
afterEach(async () => {
  vi.useRealTimers();
  for (const server of running.splice(0)) await server.close();
  dir.remove();
});

async function start(): Promise<TestServer> {
  const server = await startTestServer(
    { now: () => now, purgeIntervalMs: 60_000, adminToken: ADMIN_TOKEN },
    { dir: dir.path, keepDir: true },
  );
  running.push(server);
  return server;
}

async function seed(server: TestServer, plan: string): Promise<Account> {
  const account = await server.signUp({ customer_name: plan, plan });
  for (const id of ["old", "fresh"]) {
    if (id === "fresh") now += 5 * DAY;
    await server.call("POST", `/v1/sessions/${id}/events`, { key: account.secret, body: { events: [{ type: "click" }] } });
    await server.call("POST", `/v1/sessions/${id}/feedback`, { key: account.secret, body: { action_taken: "x" } });
    if (id === "fresh") now -= 5 * DAY;
  }
  return account;
}

const moodStatus = async (server: TestServer, account: Account, id: string) =>
  (await server.call("GET", `/v1/sessions/${id}/mood`, { key: account.secret })).status;

const sessionIds = (server: TestServer) =>
  server.query<{ session_id: string }>("SELECT session_id FROM sessions ORDER BY pk").map((row) => row.session_id);

test("at start-up, sessions idle past their plan's retention are purged with their events and feedback", async () => {
  let server = await start();
  const starter = await seed(server, "starter");
  const growth = await seed(server, "growth");
  await running.pop()!.close();

  now += 8 * DAY;
  server = await start();
  await until(() => sessionIds(server).length === 3);
  expect(await moodStatus(server, starter, "old")).toBe(404);
  expect(await moodStatus(server, starter, "fresh")).toBe(200);
  expect(await moodStatus(server, growth, "old")).toBe(200);
  const orphans = server.query(
    `SELECT 'event' FROM event_batches WHERE session_pk NOT IN (SELECT pk FROM sessions)
     UNION ALL SELECT 'feedback' FROM feedback WHERE session_pk NOT IN (SELECT pk FROM sessions)`,
  );
  expect(orphans).toEqual([]);
});

test("a running server purges periodically", async () => {
  vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
  const server = await start();
  const growth = await seed(server, "growth");

  now += 31 * DAY;
  expect(await moodStatus(server, growth, "old")).toBe(200);
  vi.advanceTimersByTime(60_000);
  vi.useRealTimers();
  await until(() => sessionIds(server).length === 1);
  expect(await moodStatus(server, growth, "old")).toBe(404);
  expect(await moodStatus(server, growth, "fresh")).toBe(200);
});

test("retention goes by each event's age: a session active for months keeps only its plan's window", async () => {
  let server = await start();
  const account = await server.signUp({ customer_name: "Busy", plan: "growth" });
  for (const day of [0, 20, 40]) {
    now = Date.UTC(2026, 4, 1) + day * DAY;
    const answer = await server.call("POST", "/v1/sessions/regular/events", {
      key: account.secret,
      body: { events: [{ type: "page_view", url: `/day-${day}` }, { type: "click" }] },
    });
    expect(answer.status).toBe(200);
  }
  await running.pop()!.close();

  now = Date.UTC(2026, 4, 1) + 45 * DAY;
  server = await start();
  const urls = () =>
    server
      .query<{ events: string }>("SELECT events FROM event_batches ORDER BY id")
      .flatMap((row) => (JSON.parse(row.events) as { url?: string }[]).flatMap((event) => event.url ?? []));
  await until(() => urls().length === 2);
  expect(urls()).toEqual(["/day-20", "/day-40"]);
  const mood = await server.call("GET", "/v1/sessions/regular/mood", { key: account.secret });
  expect(mood.body.event_count).toBe(4);
});
