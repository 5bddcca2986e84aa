import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DAY_MS, HOUR_MS, importSessions, sessionsAt, type ImportedSession } from "./insight-fixtures.js";
import { ADMIN_TOKEN, startTestServer, type Account, type TestServer } from "./test-server.js";

/** Noon UTC: the last whole day ended 12 hours ago. */
const NOON = Date.UTC(2026, 10, 20, 12);
let now = NOON;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ now: () => now, rateLimitPerMinute: 0, adminToken: ADMIN_TOKEN });
});
afterAll(() => server.close());

const newShop = () => server.signUp({ customer_name: "Shop", plan: "pro" });

/** The default settings' 14 baseline days before the 24-hour window: 15% frustrated, 20% on /checkout. */
function usualFortnight(): ImportedSession[] {
  return Array.from({ length: 14 }, (_, d) => {
    const day = NOON - 24 * HOUR_MS - (d + 1) * DAY_MS + 2 * HOUR_MS;
    return [...sessionsAt(`p${d}`, day, "/products", 15, 2), ...sessionsAt(`c${d}`, day + HOUR_MS, "/checkout", 5, 1)];
  }).flat();
}

/** Sessions in the last 24 hours. */
const recent = (prefix: string, path: string, count: number, raging: number) =>
  sessionsAt(prefix, NOON - 10 * HOUR_MS, path, count, raging);

const alerts = async (shop: Account, status = "active") =>
  (await server.call("GET", `/v1/alerts?status=${status}`, { key: shop.secret })).body.alerts;

describe("alerts", () => {
  test("a real spike opens a frustration spike and a checkout hotspot, each saying what, where and how big", async () => {
    const shop = await newShop();
    await importSessions(server, shop.secret, [
      ...usualFortnight(),
      ...recent("wp", "/products", 20, 3),
      ...recent("wc", "/checkout", 30, 20),
    ]);
    const open = await alerts(shop);
    expect(open.map((alert: { type: string }) => alert.type).sort()).toEqual(["frustration_spike", "page_hotspot"]);
    const spike = open.find((alert: { type: string }) => alert.type === "frustration_spike");
    expect(spike).toMatchObject({ status: "active", value: 0.46, baseline: 0.15, sessions: 50 });
    expect(spike.page).toBeUndefined();
    expect(spike.message).toBe(
      "46.0% of sessions were frustrated in the last 24 hours (23 of 50), 3.1× the 15.0% of the 14 days before.",
    );
    const hotspot = open.find((alert: { type: string }) => alert.type === "page_hotspot");
    expect(hotspot).toMatchObject({ page: "/checkout", value: 0.667, baseline: 0.2, sessions: 30 });
    expect(hotspot.message).toContain("On /checkout, 66.7% of sessions turned frustrated or confused");

    // Dismissed stays dismissed while the spike goes on; it is not opened again.
    const dismissed = await server.call("POST", `/v1/alerts/${spike.id}/dismiss`, { key: shop.secret });
    expect(dismissed.body).toEqual({ id: spike.id, status: "dismissed" });
    expect((await alerts(shop)).map((alert: { type: string }) => alert.type)).toEqual(["page_hotspot"]);
    expect((await alerts(shop, "dismissed")).map((alert: { id: number }) => alert.id)).toEqual([spike.id]);

    // Two days on, with no visitors since, the hotspot is over: resolved. The dismissed one stays dismissed.
    now = NOON + 2 * DAY_MS;
    try {
      expect(await alerts(shop)).toEqual([]);
      const all = await alerts(shop, "all");
      expect(all.map((alert: { type: string; status: string }) => [alert.type, alert.status]).sort()).toEqual([
        ["frustration_spike", "dismissed"],
        ["page_hotspot", "resolved"],
      ]);
    } finally {
      now = NOON;
    }

    // Another account neither sees nor dismisses them.
    const other = await newShop();
    expect(await alerts(other, "all")).toEqual([]);
    expect((await server.call("POST", `/v1/alerts/${hotspot.id}/dismiss`, { key: other.secret })).status).toBe(404);
    expect((await server.call("POST", "/v1/alerts/999999/dismiss", { key: shop.secret })).status).toBe(404);
    expect((await server.call("POST", "/v1/alerts/abc/dismiss", { key: shop.secret })).status).toBe(404);
  });

  test("noise raises nothing: a day a little above the usual level", async () => {
    const shop = await newShop();
    await importSessions(server, shop.secret, [
      ...usualFortnight(),
      ...recent("wp", "/products", 20, 3),
      ...recent("wc", "/checkout", 20, 4),
    ]);
    expect(await alerts(shop, "all")).toEqual([]);
  });

  test("a tiny sample raises nothing, however bad", async () => {
    const shop = await newShop();
    await importSessions(server, shop.secret, [...usualFortnight(), ...recent("w", "/checkout", 8, 8)]);
    expect(await alerts(shop, "all")).toEqual([]);
  });

  test("three daily rises in a row open a sustained rise; a zigzag does not", async () => {
    const days = (prefix: string, raging: number[]) =>
      raging.flatMap((count, i) => sessionsAt(`${prefix}${i}`, NOON - 12 * HOUR_MS - (4 - i) * DAY_MS + 8 * HOUR_MS, "/products", 40, count));
    const rising = await newShop();
    await importSessions(server, rising.secret, days("r", [2, 4, 8, 16]));
    const [rise] = (await alerts(rising)).filter((alert: { type: string }) => alert.type === "sustained_rise");
    expect(rise).toMatchObject({ value: 0.4, baseline: 0.05, sessions: 40 });
    expect(rise.message).toBe(
      "The share of frustrated sessions rose 3 days in a row, from 5.0% on 2026-11-16 to 40.0% on 2026-11-19 (40 sessions that day).",
    );

    const zigzag = await newShop();
    await importSessions(server, zigzag.secret, days("z", [4, 6, 5, 7]));
    expect(await alerts(zigzag, "all")).toEqual([]);
  });

  test("alerts switched off raise nothing", async () => {
    const shop = await newShop();
    await server.call("PATCH", "/v1/settings", { key: shop.secret, body: { alerts: { enabled: false } } });
    await importSessions(server, shop.secret, [...usualFortnight(), ...recent("wc", "/checkout", 40, 30)]);
    expect(await alerts(shop, "all")).toEqual([]);
  });
});
