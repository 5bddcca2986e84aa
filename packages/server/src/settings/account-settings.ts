import type { Mood } from "@sessionmood/engine";

export const WEBHOOK_EVENTS = ["mood.changed", "alert.opened"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** What an account tunes about learning, alerts and its webhook (SPEC §7 settings, §8). */
export interface AccountSettings {
  learning: {
    enabled: boolean;
    /** Rated outcomes an action needs before it can replace a mood's default. */
    minFeedback: number;
  };
  alerts: {
    enabled: boolean;
    /** The recent span compared with the baseline. */
    windowHours: number;
    /** The span before the window that gives the usual level. */
    baselineDays: number;
    /** Sessions a window (or day, or page) needs before it can raise an alert. */
    minSessions: number;
    /** How many times the usual level the recent one must reach. */
    minRatio: number;
  };
  webhook: {
    /** Where deliveries go; null: no webhook. */
    url: string | null;
    events: WebhookEvent[];
    /** mood.changed only for changes to these moods; null: every mood. */
    moods: Mood[] | null;
  };
}

/** An account's settings until it changes them. */
export const DEFAULT_SETTINGS: AccountSettings = {
  // 20 ratings keep a 95% interval within about ±20 points: fewer cannot show one action is better.
  learning: { enabled: true, minFeedback: 20 },
  // A day against the two weeks before, which hold both weekdays and weekends.
  alerts: { enabled: true, windowHours: 24, baselineDays: 14, minSessions: 30, minRatio: 1.5 },
  webhook: { url: null, events: [...WEBHOOK_EVENTS], moods: null },
};

/** Stored settings (written by any earlier version) completed with the defaults. */
export function settingsFrom(stored: string | null): AccountSettings {
  const parsed = (stored ? JSON.parse(stored) : {}) as Partial<AccountSettings>;
  return {
    learning: { ...DEFAULT_SETTINGS.learning, ...parsed.learning },
    alerts: { ...DEFAULT_SETTINGS.alerts, ...parsed.alerts },
    webhook: { ...DEFAULT_SETTINGS.webhook, ...parsed.webhook },
  };
}
