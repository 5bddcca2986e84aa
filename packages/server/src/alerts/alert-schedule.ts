import { repeatEvery } from "../background/repeat-every.js";
import { LIMITS } from "../limits.js";
import type { Logger } from "../logger.js";
import type { PlanTable } from "../plans.js";
import type { AlertStore, AnalyticsStore } from "../store/storage.js";
import { evaluateAlerts } from "./evaluate-alerts.js";

const HOUR_MS = 60 * 60 * 1000;

export interface AlertScheduleOptions {
  storage: AnalyticsStore & AlertStore;
  plans: PlanTable;
  intervalMs: number;
  now: () => number;
  logger: Logger;
}

/**
 * Evaluates the alerts of every account with recent activity (or an episode under way) every
 * `intervalMs`; returns the function that stops it.
 */
export function scheduleAlertEvaluation({ storage, plans, intervalMs, now, logger }: AlertScheduleOptions): () => Promise<void> {
  return repeatEvery(intervalMs, async () => {
    try {
      const at = now();
      for (const account of await storage.accountsActiveSince(at - LIMITS.ALERT_WINDOW_HOURS_MAX * HOUR_MS)) {
        await evaluateAlerts(account, storage, plans, at);
      }
    } catch (error) {
      logger.error({ err: error }, "alert evaluation failed");
    }
  });
}
