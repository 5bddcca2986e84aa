import type { Mood } from "./moods.js";
import type { Evidence } from "./evidence.js";
import { TUNING as T } from "./tuning.js";

const W = T.weight;

/** Stable identifiers of the evidence behind a mood. */
export type SignalName =
  | "rage_click_detected"
  | "dead_click_detected"
  | "repeated_errors"
  | "error_encountered"
  | "back_navigation"
  | "fast_scroll"
  | "backtrack_detected"
  | "hover_hesitation"
  | "input_hesitation"
  | "high_page_churn"
  | "multi_page_browse"
  | "moderate_scrolling"
  | "exploratory_clicks"
  | "fast_direct_interactions"
  | "form_engagement"
  | "long_idle"
  | "form_abandonment"
  | "steady_interaction_pattern"
  | "sustained_form_work"
  | "few_events"
  | "no_strong_signal";

/** How much one signal adds to one mood's score given a session's evidence; 0 when it is absent. */
export interface SignalRule {
  name: SignalName;
  mood: Mood;
  strength(evidence: Evidence): number;
}

/** A signal that is simply one kind of evidence times its weight. */
function linear(name: SignalName, mood: Mood, kind: FadedCount, weight: number): SignalRule {
  return { name, mood, strength: (ev) => ev[kind] * weight };
}

/** The kinds of evidence that are faded sums over events. */
type FadedCount = Exclude<keyof Evidence, "pagesSeen" | "idleNow" | "at" | "blurredAt" | "formStartedAt" | "formLastAt">;

/** The documented evidence of each mood, as scoring rules. */
export const SIGNAL_RULES: readonly SignalRule[] = [
  linear("rage_click_detected", "frustrated", "rage", W.rage),
  linear("dead_click_detected", "frustrated", "deadClicks", W.deadClickFrustrated),
  linear("dead_click_detected", "confused", "deadClicks", W.deadClickConfused),
  {
    name: "repeated_errors",
    mood: "frustrated",
    strength: ({ errors }) => (errors >= T.repeatedErrors ? errors * W.repeatedErrors : 0),
  },
  {
    name: "error_encountered",
    mood: "confused",
    strength: ({ errors }) =>
      errors >= T.singleError && errors < T.repeatedErrors ? errors * W.singleError : 0,
  },
  linear("back_navigation", "frustrated", "backNavs", W.backNav),
  linear("fast_scroll", "confused", "fastScrolls", W.fastScroll),
  linear("backtrack_detected", "confused", "backtracks", W.backtrack),
  linear("hover_hesitation", "confused", "longHovers", W.hover),
  linear("input_hesitation", "confused", "inputPauses", W.inputPause),
  {
    name: "high_page_churn",
    mood: "confused",
    strength: ({ pages, churnedPages }) =>
      pages >= T.churnPages && churnedPages >= pages * T.churnShare ? churnedPages * W.churn : 0,
  },
  {
    name: "multi_page_browse",
    mood: "browsing",
    // Pages left within seconds are churn, not browsing.
    strength: ({ pages, churnedPages }) => (pages >= T.browsePages ? (pages - churnedPages) * W.page : 0),
  },
  linear("moderate_scrolling", "browsing", "scrolls", W.scroll),
  linear("exploratory_clicks", "browsing", "clicks", W.clickBrowsing),
  linear("fast_direct_interactions", "decisive", "quickClicks", W.quickClick),
  linear("form_engagement", "decisive", "focuses", W.focus),
  {
    name: "long_idle",
    mood: "disengaged",
    strength: ({ idle, idleNow }) => idle * W.idle + idleNow * W.idleNow,
  },
  {
    name: "form_abandonment",
    mood: "disengaged",
    strength: ({ at, blurredAt }) =>
      blurredAt !== null && at !== null && at - blurredAt >= T.blurAbandonS ? W.formAbandon : 0,
  },
  linear("steady_interaction_pattern", "focused", "steadyFormSteps", W.steadyForm),
  {
    name: "sustained_form_work",
    mood: "focused",
    strength: ({ at, formStartedAt, formLastAt }) =>
      at !== null &&
      formStartedAt !== null &&
      formLastAt !== null &&
      at - formLastAt <= T.formFlowGapS &&
      formLastAt - formStartedAt >= T.sustainedFormS
        ? W.sustainedForm
        : 0,
  },
];

/** Every signal name, in rule order; the last two explain a `neutral` result. */
export const SIGNAL_NAMES: readonly SignalName[] = [
  ...new Set(SIGNAL_RULES.map((rule) => rule.name)),
  "few_events",
  "no_strong_signal",
];
