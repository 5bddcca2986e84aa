/**
 * Every weight and threshold of the engine, each with the reason for its value.
 * Weights multiply evidence, which is a count of events faded by their age (see `HALF_LIFE_S`).
 */
export const TUNING = {
  /** Evidence halves every 90 s of session time: moods follow the last minute or two, not the whole visit. */
  HALF_LIFE_S: 90,
  /** Below 3 events nothing can be told apart from chance. */
  MIN_EVENTS: 3,
  /** A mood must outweigh one fresh, clear signal's worth of evidence to beat `neutral`. */
  NEUTRAL_FLOOR: 1,
  /** Confidence reaches half of its possible value after this many events. */
  CONFIDENCE_HALF_EVENTS: 4,

  /** A rage click is the single clearest frustration sign there is. */
  RAGE_WEIGHT: 3,
  /** A dead click is a smaller version of the same failed expectation. */
  DEAD_CLICK_FRUSTRATED: 1.2,
  /** …and also a sign the visitor misread what is clickable. */
  DEAD_CLICK_CONFUSED: 0.8,
  /** Two or more recent errors: the page is failing the visitor. */
  REPEATED_ERRORS_MIN: 1.5,
  REPEATED_ERRORS_WEIGHT: 2,
  /** One error is a stumble that leaves a visitor unsure, not yet angry. */
  SINGLE_ERROR_MIN: 0.5,
  SINGLE_ERROR_WEIGHT: 1.5,
  /** Leaving by the back button usually means the page did not deliver. */
  BACK_NAV_WEIGHT: 1.5,
  /** Scrolling faster than this (px/s) is hunting, not reading. */
  FAST_SCROLL_SPEED: 3000,
  FAST_SCROLL_WEIGHT: 0.8,

  /** Reversing after a real scroll leg means the visitor lost their place. */
  BACKTRACK_WEIGHT: 1.2,
  /** A hover shorter than this is a pass-over, not hesitation. */
  LONG_HOVER_MS: 1500,
  HOVER_WEIGHT: 1,
  /** A typing pause this long is thinking about what to enter. */
  INPUT_PAUSE_MS: 2500,
  INPUT_PAUSE_WEIGHT: 1.3,
  /** Churn only means something across four or more pages (3.5 leaves room for fading)… */
  CHURN_MIN_PAGES: 3.5,
  /** …when at least half of them were left this fast (s after arriving). */
  CHURN_DWELL_S: 10,
  CHURN_MIN_SHARE: 0.5,
  CHURN_WEIGHT: 1,

  /** A click this soon (s) after the previous event, with no hesitation between, is direct. */
  QUICK_CLICK_GAP_S: 3,
  QUICK_CLICK_WEIGHT: 1,
  /** Focusing a field shows intent to act. */
  FOCUS_WEIGHT: 0.8,
  /** Clicks alone lean slightly towards exploring. */
  CLICK_BROWSING_WEIGHT: 0.3,

  /** Two page views are the least that makes a visit a browse. */
  BROWSE_MIN_PAGES: 1.5,
  PAGE_WEIGHT: 1,
  SCROLL_WEIGHT: 0.6,

  /** Idle shorter than this is reading; longer is attention elsewhere. */
  LONG_IDLE_MS: 10_000,
  /** Each 10 s of idle adds one unit, capped so one huge idle does not drown the rest. */
  IDLE_UNIT_MS: 10_000,
  IDLE_MAX_UNITS: 3,
  IDLE_WEIGHT: 1.5,
  /** Still idle right now outweighs what came before: the visitor is gone. */
  IDLE_NOW_WEIGHT: 3,
  /** A blur counts as abandonment once the session moved on this long (s) without re-focus. */
  BLUR_ABANDON_S: 5,
  FORM_ABANDON_WEIGHT: 1.5,

  /** Form events within this gap (s) of each other belong to one stretch of form work. */
  FORM_FLOW_GAP_S: 20,
  STEADY_WEIGHT: 1,
  /** A stretch of form work at least this long (s) is sustained. */
  SUSTAINED_FORM_S: 15,
  SUSTAINED_FORM_WEIGHT: 1.5,
} as const;
