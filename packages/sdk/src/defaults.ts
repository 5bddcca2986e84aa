/**
 * Every threshold and limit of the SDK, each with the reason for its value. Each detector's
 * entry can be overridden (or the detector switched off) through `init({ detectors })`, and the
 * transport's through `init({ transport })`.
 */
export const DEFAULTS = {
  click: {
    /** Report clicks on clickable things after which the page did nothing. */
    deadClicks: true,
    /** A page that reacts at all starts reacting (DOM, request, navigation) within a second. */
    deadClickMs: 1000,
  },
  rageClick: {
    /** Three is the fewest that cannot be an ordinary double-click. */
    clicks: 3,
    /** Three clicks inside one second is faster than anyone repeats a click on purpose. */
    withinMs: 1000,
    /** About a fingertip or a small button: an angry burst lands on the same spot. */
    radiusPx: 30,
  },
  scroll: {
    /** A pause this long between scroll frames ends a gesture (wheel ticks arrive every ~16–100 ms). */
    gestureEndMs: 200,
    /** Gestures shorter than this are jitter, not scrolling. */
    minPx: 40,
    /** Turning back after half a viewport (or panel) in one direction is losing one's place (`backtrack`). */
    backtrackViewports: 0.5,
    /**
     * A scroll that starts this long after the last wheel, key or touch is the page's own jump
     * (anchor, back-to-top, restored position), not a gesture; smooth scrolling starts within frames.
     */
    inputMs: 500,
    /**
     * Momentum carries a calm flick at 4–6k px/s; divided by this, it stays under the engine's
     * 3000 px/s fast scroll, which only frantic flicking reaches.
     */
    touchFactor: 3,
  },
  idle: {
    /** Reading a long article or a product page without touching anything takes well under a minute. */
    afterMs: 60_000,
    /** A look at another tab or window shorter than this is a glance, not attention elsewhere. */
    awayMs: 10_000,
  },
  pageView: {},
  error: {
    /** Report failed page requests (network error or 5xx), not only script errors. */
    requests: true,
    /**
     * Origins whose failed requests the visitor sees: the page's own by default, plus the site's
     * API origins when listed. Ad blockers, trackers and widgets fail elsewhere, unseen.
     */
    get origins(): string[] {
      return [location.origin];
    },
    /** The server's limit for an error message. */
    maxLength: 512,
    /** The same message again within this window is one problem, not a new one (error loops). */
    repeatMs: 5000,
  },
  hover: {
    /** Passing over a control takes well under 1.5 s; longer is hesitation. */
    minMs: 1500,
  },
  inputPause: {
    /** The engine's threshold for a typing pause that means thinking about what to enter. */
    minMs: 2500,
  },
  focus: {},
  transport: {
    /** Events per request: small bodies stay far below the 64 KB limit of keepalive and beacons. */
    batchSize: 20,
    /** A lone event waits at most this long, so the server's mood is never more than ~5 s behind. */
    flushMs: 5000,
    /** At ~100 bytes an event this bounds the queue to ~50 KB even when the server is gone for long. */
    maxQueue: 500,
    /** First retry delay after a network error or 5xx; doubles on each further failure… */
    retryMs: 1000,
    /** …up to this, so a server that comes back is found within a minute. */
    maxRetryMs: 60_000,
  },
};

/** Thresholds of every detector, by detector name. */
export type DetectorSettings = { [D in Exclude<keyof typeof DEFAULTS, "transport">]: (typeof DEFAULTS)[D] };

/** Batching, retry and queue limits. */
export type TransportSettings = typeof DEFAULTS.transport;
