import { DAY_MS, retentionDays, type PlanTable } from "../plans.js";
import type { Account, AlertCondition, AlertStore, AnalyticsStore, StoredAlert } from "../store/storage.js";
import { webhookSubscription } from "../webhooks/webhook-subscription.js";
import { frustrationSpike, pageHotspots, sustainedRise } from "./alert-conditions.js";

const HOUR_MS = 60 * 60 * 1000;
/** Three rises need four days. */
const RISE_DAYS = 4;

/** The conditions that hold for the account at `now`. */
export async function holdingConditions(
  account: Account,
  storage: AnalyticsStore,
  now: number,
  keptDays: number,
): Promise<AlertCondition[]> {
  // An account that keeps fewer days than its baseline asks for compares with what it keeps.
  const rules = { ...account.settings.alerts, baselineDays: Math.min(account.settings.alerts.baselineDays, keptDays) };
  if (!rules.enabled) return [];
  const window = { from: now - rules.windowHours * HOUR_MS, to: now };
  const baseline = { from: window.from - rules.baselineDays * DAY_MS, to: window.from };
  const [windowCount, baselineCount, windowPages, baselinePages] = await Promise.all([
    storage.frustration(account.id, window),
    storage.frustration(account.id, baseline),
    storage.pageStats(account.id, window),
    storage.pageStats(account.id, baseline),
  ]);
  // Whole UTC days up to the last complete one.
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const days = await Promise.all(
    Array.from({ length: RISE_DAYS }, async (_, i) => {
      const from = today - (RISE_DAYS - i) * DAY_MS;
      return { day: new Date(from).toISOString().slice(0, 10), count: await storage.frustration(account.id, { from, to: from + DAY_MS }) };
    }),
  );
  return [
    frustrationSpike(windowCount, baselineCount, rules),
    ...pageHotspots(windowPages, baselinePages, rules),
    sustainedRise(days, rules),
  ].filter((condition): condition is AlertCondition => condition !== undefined);
}

/** Evaluates the account's alerts at `now`; returns the episodes that opened. */
export async function evaluateAlerts(
  account: Account,
  storage: AnalyticsStore & AlertStore,
  plans: PlanTable,
  now: number,
): Promise<StoredAlert[]> {
  const holding = await holdingConditions(account, storage, now, retentionDays(account, plans));
  return storage.reconcileAlerts(account.id, holding, now, webhookSubscription(account));
}
