/** What a plan allows: new sessions per calendar month (UTC) and how long sessions are kept. */
export interface Plan {
  sessionsPerMonth: number;
  retentionDays: number;
}

export const PLAN_NAMES = ["starter", "growth", "pro"] as const;

export type PlanName = (typeof PLAN_NAMES)[number];

export type PlanTable = Record<PlanName, Plan>;

/** A day in milliseconds, the unit of retention. */
export const DAY_MS = 24 * 60 * 60 * 1000;

/** The contract's plans; a deployment or a test may pass its own table. */
export const PLANS: PlanTable = {
  starter: { sessionsPerMonth: 5_000, retentionDays: 7 },
  growth: { sessionsPerMonth: 50_000, retentionDays: 30 },
  pro: { sessionsPerMonth: 200_000, retentionDays: 90 },
};

/** Whether `name` is one of the plan names. */
export function isPlanName(name: unknown): name is PlanName {
  return (PLAN_NAMES as readonly unknown[]).includes(name);
}

/** How many days an account keeps events: the days it chose, else its plan's. */
export function retentionDays(account: { plan: PlanName; retentionDays: number | null }, plans: PlanTable): number {
  return account.retentionDays ?? plans[account.plan].retentionDays;
}

/** `retentionDays` in milliseconds. */
export function retentionMs(account: { plan: PlanName; retentionDays: number | null }, plans: PlanTable): number {
  return retentionDays(account, plans) * DAY_MS;
}

/** The quota month a moment falls in, e.g. "2026-05" (UTC). */
export function quotaMonth(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}

/** When the quota month of `ms` ends: the first instant of the next calendar month, UTC. */
export function quotaResetAt(ms: number): string {
  const d = new Date(ms);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString();
}

/** "5,000 sessions/month". */
export function describePlan(plan: Plan): string {
  return `${plan.sessionsPerMonth.toLocaleString("en-US")} sessions/month`;
}
