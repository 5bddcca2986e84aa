import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DAY_MS, HOUR_MS, importSessions, sessionsAt, visitEvents } from "./insight-fixtures.js";
import { ADMIN_TOKEN, startTestServer, type Account, type TestServer } from "./test-server.js";

/** A Friday noon, UTC. */
const NOW_MS = Date.UTC(2026, 10, 20, 12);
const MOODS = ["frustrated", "confused", "decisive", "browsing", "disengaged", "focused", "neutral"];

let server: TestServer;
let shop: Account;
let other: Account;
beforeAll(async () => {
  server = await startTestServer({ now: () => NOW_MS, rateLimitPerMinute: 0, adminToken: ADMIN_TOKEN });
  shop = await server.signUp({ customer_name: "Shop", plan: "pro" });
  other = await server.signUp({ customer_name: "Other", plan: "pro" });
  // Imported history: three days of visits, the busiest on Wednesday, one session across midnight.
  await importSessions(server, shop.secret, [
    ...sessionsAt("mon", Date.UTC(2026, 10, 16, 9), "/products", 4, 1),
    ...sessionsAt("wed", Date.UTC(2026, 10, 18, 15), "/products", 6, 2),
    ...sessionsAt("thu", Date.UTC(2026, 10, 19, 20), "/products", 3, 0),
    { id: "midnight", events: [...visitEvents(Date.UTC(2026, 10, 18, 23, 58), "/cart", "calm"), ...visitEvents(Date.UTC(2026, 10, 19, 0, 5), "/checkout", "rage")] },
  ]);
  await importSessions(server, other.secret, sessionsAt("elsewhere", Date.UTC(2026, 10, 18, 10), "/products", 5, 5));
});
afterAll(() => server.close());

const get = async (path: string, key = shop.secret) => server.call("GET", path, { key });
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe("trend", () => {
  test("every day of the range is a bucket, empty ones included, and a day's moods add up to its sessions", async () => {
    const { status, body } = await get("/v1/analytics/trend?from=2026-11-14&to=2026-11-20&interval=day&tz=UTC");
    expect(status).toBe(200);
    expect(body).toMatchObject({ from: "2026-11-14T00:00:00.000Z", to: "2026-11-21T00:00:00.000Z", interval: "day", tz: "UTC" });
    expect(body.buckets.map((bucket: { start: string }) => bucket.start.slice(0, 10))).toEqual([
      "2026-11-14", "2026-11-15", "2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20",
    ]);
    const sessions = body.buckets.map((bucket: { sessions: number }) => bucket.sessions);
    // The midnight session counts on both days it was active.
    expect(sessions).toEqual([0, 0, 4, 0, 7, 4, 0]);
    for (const bucket of body.buckets) {
      expect(Object.keys(bucket.moods)).toEqual(MOODS);
      expect(sum(Object.values(bucket.moods) as number[])).toBe(bucket.sessions);
    }
  });

  test("a session counts under the mood it had after its last event in the bucket", async () => {
    const { body } = await get("/v1/analytics/trend?from=2026-11-18&to=2026-11-19&interval=day");
    const [wednesday, thursday] = body.buckets;
    // At midnight the session was browsing the cart; it turned frustrated at checkout on Thursday.
    expect(wednesday.moods.frustrated).toBe(2);
    expect(thursday.moods.frustrated).toBe(1);
  });

  test("hour buckets add up to the day buckets", async () => {
    const days = (await get("/v1/analytics/trend?from=2026-11-16&to=2026-11-20&interval=day")).body.buckets;
    const hours = (await get("/v1/analytics/trend?from=2026-11-16&to=2026-11-20&interval=hour")).body.buckets;
    expect(hours).toHaveLength(5 * 24);
    const distinct = days.map((_: unknown, i: number) => sum(hours.slice(i * 24, i * 24 + 24).map((h: { sessions: number }) => h.sessions)));
    // Sessions here last minutes, so one active in a day was active in exactly one of its hours,
    // except the one across midnight, which is in two hours of two days.
    expect(distinct).toEqual(days.map((day: { sessions: number }) => day.sessions));
  });

  test("a day in New York starts at local midnight; the day clocks fall back has 25 hours", async () => {
    const { body } = await get("/v1/analytics/trend?from=2026-11-01&to=2026-11-02&interval=day&tz=America/New_York");
    expect(body.buckets.map((bucket: { start: string }) => bucket.start)).toEqual([
      "2026-11-01T04:00:00.000Z",
      "2026-11-02T05:00:00.000Z",
    ]);
    const hours = await get("/v1/analytics/trend?from=2026-11-01&to=2026-11-01&interval=hour&tz=America/New_York");
    expect(hours.body.buckets).toHaveLength(25);
  });

  test("the midnight session belongs to Wednesday evening in New York", async () => {
    const { body } = await get("/v1/analytics/trend?from=2026-11-18&to=2026-11-19&interval=day&tz=America/New_York");
    // 23:58 and 00:05 UTC are 18:58 and 19:05 in New York: one day, counted once.
    expect(body.buckets.map((bucket: { sessions: number }) => bucket.sessions)).toEqual([7, 3]);
  });

  test("by default the last 7 days, by day, in UTC", async () => {
    const { body } = await get("/v1/analytics/trend");
    expect(body).toMatchObject({ interval: "day", tz: "UTC", to: new Date(NOW_MS).toISOString() });
    expect(body.buckets).toHaveLength(8);
  });
});

describe("weekday", () => {
  test("Monday first, counted as the daily buckets", async () => {
    const { status, body } = await get("/v1/analytics/weekday?from=2026-11-14&to=2026-11-20");
    expect(status).toBe(200);
    expect(body.days.map((day: { day: string }) => day.day)).toEqual([
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]);
    expect(body.days.map((day: { sessions: number }) => day.sessions)).toEqual([4, 0, 7, 4, 0, 0, 0]);
    expect(body.days[2].moods.frustrated).toBe(2);
  });
});

describe("moods within a range", () => {
  test("only sessions active in the range, by their mood at its end", async () => {
    const all = (await get("/v1/analytics/moods")).body;
    expect(all.total_sessions).toBe(14);
    const wednesday = (await get("/v1/analytics/moods?from=2026-11-18&to=2026-11-18")).body;
    expect(wednesday.total_sessions).toBe(7);
    const count = (body: { mood_distribution: { mood: string; count: number }[] }, mood: string) =>
      body.mood_distribution.find((row) => row.mood === mood)!.count;
    expect(count(wednesday, "frustrated")).toBe(2);
  });
});

describe("pages", () => {
  test("pages are listed with sessions, turns to frustrated or confused, rate and top signals", async () => {
    const { status, body } = await get("/v1/analytics/pages?from=2026-11-14&to=2026-11-20");
    expect(status).toBe(200);
    const checkout = body.pages.find((page: { path: string }) => page.path === "/checkout");
    expect(checkout).toMatchObject({ sessions: 1, frustrated: 1, struggle_rate: 1 });
    expect(checkout.top_signals[0]).toEqual({ signal: "rage_click_detected", sessions: 1 });
    const products = body.pages.find((page: { path: string }) => page.path === "/products");
    expect(products).toMatchObject({ sessions: 13, frustrated: 3, struggle_rate: 0.231 });
  });

  test("a page a handful of sessions saw never outranks a busy page with a real problem", async () => {
    const site = await server.signUp({ customer_name: "Busy", plan: "pro" });
    const day = NOW_MS - 2 * DAY_MS;
    await importSessions(server, site.secret, [
      ...sessionsAt("pay", day, "/pay", 100, 30),
      ...sessionsAt("rare", day + HOUR_MS, "/rare", 4, 4),
      ...sessionsAt("once", day + 2 * HOUR_MS, "/once", 1, 1),
      ...sessionsAt("home", day + 3 * HOUR_MS, "/home", 200, 6),
    ]);
    const { body } = await get("/v1/analytics/pages?limit=3", site.secret);
    expect(body.pages.map((page: { path: string }) => page.path)).toEqual(["/pay", "/rare", "/once"]);
    expect(body.pages[1].struggle_rate).toBe(1);
    expect((await get("/v1/analytics/pages", other.secret)).body.pages.map((page: { path: string }) => page.path)).toEqual(["/products"]);
  });
});

describe("account isolation", () => {
  test("every read counts only the account's own sessions", async () => {
    const range = "from=2026-11-14&to=2026-11-20";
    const trend = (await get(`/v1/analytics/trend?${range}`, other.secret)).body;
    expect(sum(trend.buckets.map((bucket: { sessions: number }) => bucket.sessions))).toBe(5);
    const weekday = (await get(`/v1/analytics/weekday?${range}`, other.secret)).body;
    expect(sum(weekday.days.map((day: { sessions: number }) => day.sessions))).toBe(5);
    expect((await get(`/v1/analytics/moods?${range}`, other.secret)).body.total_sessions).toBe(5);
    expect((await get("/v1/analytics/moods", other.secret)).body.total_sessions).toBe(5);
    expect((await get("/v1/analytics/actions", other.secret)).body.actions).toEqual([]);
    expect((await get("/v1/alerts?status=all", other.secret)).body.alerts).toEqual([]);
    expect((await get("/v1/sessions?active_within=86400", other.secret)).body.sessions).toEqual([]);
  });
});

describe("every query parameter is checked", () => {
  test.each([
    ["/v1/analytics/trend?from=yesterday", "from"],
    ["/v1/analytics/trend?from=2026-02-30", "from"],
    ["/v1/analytics/trend?to=2026-11-20T25:00", "to"],
    ["/v1/analytics/trend?tz=Mars/Olympus", "tz"],
    ["/v1/analytics/trend?interval=week", "interval"],
    ["/v1/analytics/trend?from=2026-11-20&to=2026-11-10", "to"],
    ["/v1/analytics/trend?from=2026-01-01&to=2026-03-01&interval=hour", "interval"],
    ["/v1/analytics/trend?from=2020-01-01", "from"],
    ["/v1/analytics/trend?colour=blue", "colour"],
    ["/v1/analytics/weekday?tz=+02:00", "tz"],
    ["/v1/analytics/moods?from=soon", "from"],
    ["/v1/analytics/pages?limit=0", "limit"],
    ["/v1/analytics/pages?limit=1000", "limit"],
    ["/v1/analytics/pages?limit=ten", "limit"],
    ["/v1/alerts?status=open", "status"],
    ["/v1/sessions?active_within=5", "active_within"],
  ])("%s → 400 naming %s", async (path, field) => {
    const { status, body } = await get(path);
    expect(status).toBe(400);
    expect(body.field).toBe(field);
    expect(typeof (body.message ?? body.error)).toBe("string");
  });

  test("every insight route needs the secret key", async () => {
    for (const path of ["/v1/analytics/trend", "/v1/analytics/weekday", "/v1/analytics/pages", "/v1/analytics/actions", "/v1/alerts", "/v1/sessions"]) {
      expect((await get(path, shop.publishable)).status).toBe(403);
      expect((await server.call("GET", path)).status).toBe(401);
    }
  });
});

describe("sessions active now", () => {
  test("the latest sessions with mood, confidence, signals and page, and only the account's own", async () => {
    const live = await server.signUp({ customer_name: "Live", plan: "pro" });
    await importSessions(server, live.secret, [
      { id: "now-calm", events: visitEvents(NOW_MS - 60_000, "/products", "calm") },
      { id: "now-rage", events: visitEvents(NOW_MS - 30_000, "/checkout", "rage") },
      { id: "long-ago", events: visitEvents(NOW_MS - 2 * HOUR_MS, "/products", "calm") },
    ]);
    const { body } = await get("/v1/sessions?active_within=1800", live.secret);
    expect(body.sessions.map((session: { session_id: string }) => session.session_id).sort()).toEqual(["now-calm", "now-rage"]);
    expect(body.sessions.find((session: { session_id: string }) => session.session_id === "now-rage")).toMatchObject({
      mood: "frustrated",
      page: "/checkout",
      suggested_action: "show_live_chat",
    });
  });
});
