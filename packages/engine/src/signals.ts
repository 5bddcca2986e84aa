import type { Mood } from "./moods.js";
import type { MoodState } from "./mood-state.js";
import { TUNING as T } from "./tuning.js";

/** Stable identifiers of the evidence behind a mood. */
export const SIGNAL_NAMES = [
  "rage_click_detected",
  "dead_click_detected",
  "repeated_errors",
  "error_encountered",
  "back_navigation",
  "fast_scroll",
  "backtrack_detected",
  "hover_hesitation",
  "input_hesitation",
  "high_page_churn",
  "multi_page_browse",
  "moderate_scrolling",
  "exploratory_clicks",
  "fast_direct_interactions",
  "form_engagement",
  "long_idle",
  "form_abandonment",
  "steady_interaction_pattern",
  "sustained_form_work",
  "few_events",
  "no_strong_signal",
] as const;

export type SignalName = (typeof SIGNAL_NAMES)[number];

/** How much one signal adds to one mood's score in a given state; 0 when it is absent. */
export interface SignalRule {
  name: SignalName;
  mood: Mood;
  strength(state: MoodState): number;
}

/** The documented evidence of each mood, as scoring rules. */
export const SIGNAL_RULES: readonly SignalRule[] = [
  { name: "rage_click_detected", mood: "frustrated", strength: (s) => s.evidence.rage * T.RAGE_WEIGHT },
  { name: "dead_click_detected", mood: "frustrated", strength: (s) => s.evidence.deadClicks * T.DEAD_CLICK_FRUSTRATED },
  { name: "dead_click_detected", mood: "confused", strength: (s) => s.evidence.deadClicks * T.DEAD_CLICK_CONFUSED },
  {
    name: "repeated_errors",
    mood: "frustrated",
    strength: ({ evidence: { errors } }) => (errors >= T.REPEATED_ERRORS_MIN ? errors * T.REPEATED_ERRORS_WEIGHT : 0),
  },
  {
    name: "error_encountered",
    mood: "confused",
    strength: ({ evidence: { errors } }) =>
      errors >= T.SINGLE_ERROR_MIN && errors < T.REPEATED_ERRORS_MIN ? errors * T.SINGLE_ERROR_WEIGHT : 0,
  },
  { name: "back_navigation", mood: "frustrated", strength: (s) => s.evidence.backNavs * T.BACK_NAV_WEIGHT },
  { name: "fast_scroll", mood: "frustrated", strength: (s) => s.evidence.fastScrolls * T.FAST_SCROLL_WEIGHT },
  { name: "backtrack_detected", mood: "confused", strength: (s) => s.evidence.backtracks * T.BACKTRACK_WEIGHT },
  { name: "hover_hesitation", mood: "confused", strength: (s) => s.evidence.longHovers * T.HOVER_WEIGHT },
  { name: "input_hesitation", mood: "confused", strength: (s) => s.evidence.inputPauses * T.INPUT_PAUSE_WEIGHT },
  {
    name: "high_page_churn",
    mood: "confused",
    strength: ({ evidence: { pages, churnedPages } }) =>
      pages >= T.CHURN_MIN_PAGES && churnedPages >= pages * T.CHURN_MIN_SHARE ? churnedPages * T.CHURN_WEIGHT : 0,
  },
  {
    name: "multi_page_browse",
    mood: "browsing",
    // Pages left within seconds are churn, not browsing.
    strength: ({ evidence: { pages, churnedPages } }) =>
      pages >= T.BROWSE_MIN_PAGES ? (pages - churnedPages) * T.PAGE_WEIGHT : 0,
  },
  { name: "moderate_scrolling", mood: "browsing", strength: (s) => s.evidence.scrolls * T.SCROLL_WEIGHT },
  { name: "exploratory_clicks", mood: "browsing", strength: (s) => s.evidence.clicks * T.CLICK_BROWSING_WEIGHT },
  { name: "fast_direct_interactions", mood: "decisive", strength: (s) => s.evidence.quickClicks * T.QUICK_CLICK_WEIGHT },
  { name: "form_engagement", mood: "decisive", strength: (s) => s.evidence.focuses * T.FOCUS_WEIGHT },
  {
    name: "long_idle",
    mood: "disengaged",
    strength: (s) => s.evidence.idle * T.IDLE_WEIGHT + (s.idleNow ? T.IDLE_NOW_WEIGHT : 0),
  },
  {
    name: "form_abandonment",
    mood: "disengaged",
    strength: (s) =>
      s.blurredAt !== null && s.at !== null && s.at - s.blurredAt >= T.BLUR_ABANDON_S ? T.FORM_ABANDON_WEIGHT : 0,
  },
  {
    name: "steady_interaction_pattern",
    mood: "focused",
    strength: (s) => s.evidence.steadyFormSteps * T.STEADY_WEIGHT,
  },
  {
    name: "sustained_form_work",
    mood: "focused",
    strength: ({ at, formStartedAt, formLastAt }) =>
      at !== null &&
      formStartedAt !== null &&
      formLastAt !== null &&
      at - formLastAt <= T.FORM_FLOW_GAP_S &&
      formLastAt - formStartedAt >= T.SUSTAINED_FORM_S
        ? T.SUSTAINED_FORM_WEIGHT
        : 0,
  },
];
