/**
 * Every weight and threshold of the engine, each with the reason for its value.
 * Evidence is a count of events, each faded by its age (see `halfLifeS`); a signal adds
 * evidence × its weight to its mood's score.
 */
export const TUNING = {
  /** Evidence halves every 90 s of session time: moods follow the last minute or two, not the whole visit. */
  halfLifeS: 90,
  /** Below 3 events nothing can be told apart from chance. */
  minEvents: 3,
  /** A mood must outweigh one fresh, clear signal's worth of evidence to beat `neutral`. */
  neutralFloor: 1,
  /** Confidence reaches half of its possible value after this many events. */
  confidenceHalfEvents: 3,
  /**
   * Below this confidence the mood is reported but no action suggested: one dead click or one
   * back navigation after a page view (0.2 at most) is too thin to interrupt a visitor for.
   */
  minActionConfidence: 0.25,
  /** Events kept for scoring: the last minute or two at any realistic pace, and `moodOf` stays cheap. */
  recentEvents: 128,
  /** Events older than 10 half-lives weigh under 0.1%: forgetting them changes no mood. */
  recentHalfLives: 10,

  weight: {
    /** A rage click is the single clearest frustration sign there is: it outweighs a whole form's worth of focus. */
    rage: 4,
    /** A dead click is a smaller version of the same failed expectation… */
    deadClickFrustrated: 1.2,
    /** …and also a sign the visitor misread what is clickable. */
    deadClickConfused: 0.8,
    /** Two or more errors: the page is failing the visitor. */
    repeatedErrors: 2,
    /** One error is a stumble that leaves a visitor unsure, not yet angry. */
    singleError: 1.5,
    /** Leaving by the back button usually means the page did not deliver. */
    backNav: 1.5,
    /** Scrolling at speed is hunting for something not found yet (with no backtracking, a reader's own pace). */
    fastScroll: 0.8,
    /** Reversing after a real scroll leg means the visitor lost their place. */
    backtrack: 1.2,
    /** Hovering long without clicking is weighing up what something does. */
    hover: 1,
    /** Stopping mid-field is the strongest sign of not knowing what to enter. */
    inputPause: 1.3,
    /** Each page left within seconds is one more failed search. */
    churn: 0.7,
    /** A direct click is what decisiveness looks like. */
    quickClick: 1,
    /** Focusing a field shows intent to act, but filling a form is no quick decision by itself. */
    focus: 0.4,
    /** Clicks alone lean only slightly towards exploring. */
    clickBrowsing: 0.3,
    /** Each page read is the core of browsing. */
    page: 1,
    /** Calm scrolling is reading, a little less telling than a page view. */
    scroll: 0.6,
    /** Each idle unit in the recent past: having been away says a little about now. */
    idle: 0.5,
    /** Each idle unit of an idle that is the latest event: the visitor is away, or only just back. */
    idleNow: 1,
    /** A field left without coming back. */
    formAbandon: 1.5,
    /** Each move to the next field in one stretch of form work. */
    steadyForm: 1,
    /** Form work kept up for a while is focus, not a passing click. */
    sustainedForm: 1.5,
  },

  /** Scrolling faster than this (px/s) is hunting, not reading. */
  fastScrollSpeed: 3000,
  /** A hover shorter than this (ms) is a pass-over, not hesitation. */
  longHoverMs: 1500,
  /** A typing pause this long (ms) is thinking about what to enter. */
  inputPauseMs: 2500,
  /** A typing pause counts one unit per doubling of this (ms): 3 s ≈ 0.6, 5 s ≈ 1.3, 7 s ≈ 1.8… */
  pauseBaseMs: 2000,
  /** …up to this many, so one pause does not drown everything else. */
  pauseMaxUnits: 3,
  /** A typing pause this long (ms) is being stuck, not thinking: the steady stretch of form work starts again after it. */
  stuckPauseMs: 5000,
  /** Two or more recent errors are "repeated" (1.5 leaves room for fading). */
  repeatedErrors: 1.5,
  /** Less than half a faded error is too old to count. */
  singleError: 0.5,
  /** Two page views are the least that makes a visit a browse (1.5 leaves room for fading). */
  browsePages: 1.5,
  /** Churn only means something across four or more pages (3.5 leaves room for fading)… */
  churnPages: 3.5,
  /** …when at least half of them were left this fast (s after arriving). */
  churnDwellS: 4,
  churnShare: 0.5,
  /** A click this close (ms) to a field's focus put the focus there: form work, not a move of its own. */
  fieldClickMs: 500,
  /** A click this soon (s) after the previous event, with no hesitation between, is direct… */
  quickClickGapS: 3,
  /** …unless it comes this soon (s) after another click: the rage-click window, so a repeat. */
  repeatClickS: 1,
  /** An absence up to this long (ms) weighs nothing: a reader may sit still this long… */
  idleBaseMs: 15_000,
  /** …each doubling beyond it is one idle unit (30 s: 1, 2 min: 3, 10 min: 5.3), capped at 16 min. */
  idleMaxUnits: 6,
  /** An idle reported without its length is taken as a minute away: reporting it says attention went elsewhere. */
  idleUnknownMs: 60_000,
  /** A blur counts as abandonment once the session went on this long (s) with no focus or click. */
  blurAbandonS: 5,
  /** Form events within this gap (s) of each other belong to one stretch of form work. */
  formFlowGapS: 20,
  /** A stretch of form work at least this long (s) is sustained. */
  sustainedFormS: 15,
} as const;
