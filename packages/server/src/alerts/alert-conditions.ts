import type { AccountSettings } from "../settings/account-settings.js";
import type { AlertCondition, FrustrationCount, PageStats } from "../store/storage.js";

/** One-sided z for p < 0.01: a rise this clear happens by chance about once in a hundred checks. */
const Z_SIGNIFICANT = 2.33;

type AlertRules = AccountSettings["alerts"];

interface Share {
  hits: number;
  sessions: number;
}

const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
const rate = ({ hits, sessions }: Share) => hits / sessions;

/** Whether `recent` is clearly above `usual`: enough sessions in both, the ratio, and a significant difference. */
function clearlyAbove(recent: Share, usual: Share, rules: Pick<AlertRules, "minSessions" | "minRatio">): boolean {
  if (recent.sessions < rules.minSessions || usual.sessions < rules.minSessions) return false;
  const p1 = rate(recent);
  const p0 = rate(usual);
  if (p1 <= p0 || p1 < rules.minRatio * p0) return false;
  return twoProportionZ(recent, usual) >= Z_SIGNIFICANT;
}

/** The pooled two-proportion z statistic of recent over usual. */
function twoProportionZ(recent: Share, usual: Share): number {
  const pooled = (recent.hits + usual.hits) / (recent.sessions + usual.sessions);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / recent.sessions + 1 / usual.sessions));
  return se === 0 ? 0 : (rate(recent) - rate(usual)) / se;
}

function comparedWith(recent: Share, usual: Share, baselineDays: number): string {
  const p0 = rate(usual);
  const before = `the ${baselineDays} days before`;
  return p0 === 0
    ? `up from none of the ${usual.sessions} sessions in ${before}`
    : `${(rate(recent) / p0).toFixed(1)}× the ${pct(p0)} of ${before}`;
}

const share = ({ frustrated, sessions }: FrustrationCount): Share => ({ hits: frustrated, sessions });

/** `frustration_spike`: the share of frustrated sessions in the window against the baseline's. */
export function frustrationSpike(window: FrustrationCount, baseline: FrustrationCount, rules: AlertRules): AlertCondition | undefined {
  const recent = share(window);
  const usual = share(baseline);
  if (!clearlyAbove(recent, usual, rules)) return undefined;
  return {
    type: "frustration_spike",
    page: null,
    value: rate(recent),
    baseline: rate(usual),
    sessions: recent.sessions,
    message:
      `${pct(rate(recent))} of sessions were frustrated in the last ${rules.windowHours} hours ` +
      `(${recent.hits} of ${recent.sessions}), ${comparedWith(recent, usual, rules.baselineDays)}.`,
  };
}

/** `page_hotspot`: each page's struggle rate in the window against its own in the baseline. */
export function pageHotspots(window: readonly PageStats[], baseline: readonly PageStats[], rules: AlertRules): AlertCondition[] {
  const before = new Map(baseline.map((page) => [page.path, page]));
  const hotspots: AlertCondition[] = [];
  for (const page of window) {
    const usualPage = before.get(page.path);
    if (!usualPage) continue;
    const recent = { hits: page.struggling, sessions: page.sessions };
    const usual = { hits: usualPage.struggling, sessions: usualPage.sessions };
    if (!clearlyAbove(recent, usual, rules)) continue;
    hotspots.push({
      type: "page_hotspot",
      page: page.path,
      value: rate(recent),
      baseline: rate(usual),
      sessions: recent.sessions,
      message:
        `On ${page.path}, ${pct(rate(recent))} of sessions turned frustrated or confused in the last ` +
        `${rules.windowHours} hours (${recent.hits} of ${recent.sessions}), ${comparedWith(recent, usual, rules.baselineDays)}.`,
    });
  }
  return hotspots;
}

/**
 * `sustained_rise`: the daily share of frustrated sessions rose three days in a row (four days,
 * oldest first, each with enough sessions), and the last day is significantly above the first.
 */
export function sustainedRise(days: readonly { day: string; count: FrustrationCount }[], rules: AlertRules): AlertCondition | undefined {
  const shares = days.map(({ count }) => share(count));
  if (shares.some((each) => each.sessions < rules.minSessions)) return undefined;
  for (let i = 1; i < shares.length; i++) if (rate(shares[i]!) <= rate(shares[i - 1]!)) return undefined;
  const first = shares[0]!;
  const last = shares.at(-1)!;
  if (twoProportionZ(last, first) < Z_SIGNIFICANT) return undefined;
  return {
    type: "sustained_rise",
    page: null,
    value: rate(last),
    baseline: rate(first),
    sessions: last.sessions,
    message:
      `The share of frustrated sessions rose ${shares.length - 1} days in a row, from ${pct(rate(first))} on ` +
      `${days[0]!.day} to ${pct(rate(last))} on ${days.at(-1)!.day} (${last.sessions} sessions that day).`,
  };
}
