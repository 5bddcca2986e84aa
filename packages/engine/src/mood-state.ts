import type { EventType, MoodEvent } from "./events.js";
import { TUNING } from "./tuning.js";

/** Recency-faded evidence, each a count of events weighted by 2^(-age / half-life). */
export interface Evidence {
  rage: number;
  deadClicks: number;
  errors: number;
  backNavs: number;
  fastScrolls: number;
  backtracks: number;
  longHovers: number;
  inputPauses: number;
  pages: number;
  churnedPages: number;
  scrolls: number;
  clicks: number;
  quickClicks: number;
  focuses: number;
  steadyFormSteps: number;
  idle: number;
}

/**
 * Everything the engine remembers of a session: small, JSON-serialisable and independent of
 * how many events came before, so a server can store it per session and a page can keep it.
 */
export interface MoodState {
  /** Events scored so far. */
  events: number;
  /** Session time (s) the evidence is faded to: the latest `ts` seen. */
  at: number | null;
  lastType: EventType | null;
  lastPageViewAt: number | null;
  /** When the latest click was, to tell a repeat from a new, direct click. */
  lastClickAt: number | null;
  /** Start and latest event of the current stretch of form work. */
  formStartedAt: number | null;
  formLastAt: number | null;
  /** When the last field was left, while nothing has been focused or clicked since. */
  blurredAt: number | null;
  /** The latest event was an idle of at least `longIdleMs`. */
  idleNow: boolean;
  evidence: Evidence;
}

/** The state of a session before its first event. */
export function createMoodState(): MoodState {
  return {
    events: 0,
    at: null,
    lastType: null,
    lastPageViewAt: null,
    lastClickAt: null,
    formStartedAt: null,
    formLastAt: null,
    blurredAt: null,
    idleNow: false,
    evidence: {
      rage: 0,
      deadClicks: 0,
      errors: 0,
      backNavs: 0,
      fastScrolls: 0,
      backtracks: 0,
      longHovers: 0,
      inputPauses: 0,
      pages: 0,
      churnedPages: 0,
      scrolls: 0,
      clicks: 0,
      quickClicks: 0,
      focuses: 0,
      steadyFormSteps: 0,
      idle: 0,
    },
  };
}

/** The state after one more event. Pure: `state` is left as it was. */
export function scoreEvent(state: MoodState, event: MoodEvent): MoodState {
  const next = copyState(state);
  applyEvent(next, event);
  return next;
}

/** The state after `events`, in order. Pure; equal to folding `scoreEvent` over them. */
export function scoreEvents(state: MoodState, events: readonly MoodEvent[]): MoodState {
  const next = copyState(state);
  for (const event of events) applyEvent(next, event);
  return next;
}

/** A copy shaped exactly like a new state, which keeps property access in `applyEvent` fast. */
function copyState(state: MoodState): MoodState {
  const copy = createMoodState();
  Object.assign(copy.evidence, state.evidence);
  return Object.assign(copy, state, { evidence: copy.evidence });
}

/** After these, a click is considered, not direct. */
const HESITANT_TYPES: ReadonlySet<EventType> = new Set(["hover", "input_pause", "backtrack", "idle"]);

/** Folds one event into `s` in place, in O(1). An event without `ts` happens "now". */
function applyEvent(s: MoodState, event: MoodEvent): void {
  const previousAt = s.at;
  const t = event.ts ?? previousAt ?? 0;
  const weight = advanceClock(s, t);
  const ev = s.evidence;

  switch (event.type) {
    case "click":
      s.blurredAt = null;
      if (event.dead === true) {
        ev.deadClicks += weight;
        break;
      }
      ev.clicks += weight;
      if (
        previousAt !== null &&
        s.lastType !== null &&
        !HESITANT_TYPES.has(s.lastType) &&
        t - previousAt <= TUNING.quickClickGapS &&
        // A click right after another is hammering (the rage-click window), not moving on.
        !(s.lastClickAt !== null && Math.abs(t - s.lastClickAt) <= TUNING.repeatClickS)
      ) {
        ev.quickClicks += weight;
      }
      s.lastClickAt = t;
      break;
    case "rage_click":
      ev.rage += weight;
      s.blurredAt = null;
      break;
    case "scroll":
      if ((event.speed ?? 0) >= TUNING.fastScrollSpeed) ev.fastScrolls += weight;
      else ev.scrolls += weight;
      break;
    case "input_pause":
      if ((event.duration_ms ?? TUNING.inputPauseMs) >= TUNING.inputPauseMs) ev.inputPauses += weight;
      continueFormWork(s, t);
      break;
    case "backtrack":
      ev.backtracks += weight;
      break;
    case "back_nav":
      ev.backNavs += weight;
      break;
    case "page_view":
      ev.pages += weight;
      if (s.lastPageViewAt !== null && Math.abs(t - s.lastPageViewAt) < TUNING.churnDwellS) {
        ev.churnedPages += weight;
      }
      s.lastPageViewAt = Math.max(t, s.lastPageViewAt ?? t);
      break;
    case "error":
      ev.errors += weight;
      break;
    case "idle":
      if (idleMs(event) >= TUNING.longIdleMs) {
        ev.idle += weight * Math.min(idleMs(event) / TUNING.idleUnitMs, TUNING.idleMaxUnits);
      }
      break;
    case "hover":
      if ((event.duration_ms ?? TUNING.longHoverMs) >= TUNING.longHoverMs) ev.longHovers += weight;
      break;
    case "focus":
      ev.focuses += weight;
      if (continueFormWork(s, t)) ev.steadyFormSteps += weight;
      s.blurredAt = null;
      break;
    case "blur":
      continueFormWork(s, t);
      s.blurredAt = t;
      break;
  }

  s.idleNow = event.type === "idle" && idleMs(event) >= TUNING.longIdleMs;
  s.lastType = event.type;
  s.events += 1;
}

/**
 * Moves the session clock to `t`, fading all evidence by the time that passed, and returns
 * the weight the event at `t` itself carries: 1, or less for an event older than the clock.
 */
function advanceClock(s: MoodState, t: number): number {
  if (s.at === null || t >= s.at) {
    if (s.at !== null && t > s.at) fade(s.evidence, Math.exp((s.at - t) * FADE_PER_SECOND));
    s.at = t;
    return 1;
  }
  return Math.exp((t - s.at) * FADE_PER_SECOND);
}

// exp(-age · ln2 / half-life) is 2^(-age / half-life) at a fraction of Math.pow's cost.
const FADE_PER_SECOND = Math.LN2 / TUNING.halfLifeS;

function fade(ev: Evidence, factor: number): void {
  ev.rage *= factor;
  ev.deadClicks *= factor;
  ev.errors *= factor;
  ev.backNavs *= factor;
  ev.fastScrolls *= factor;
  ev.backtracks *= factor;
  ev.longHovers *= factor;
  ev.inputPauses *= factor;
  ev.pages *= factor;
  ev.churnedPages *= factor;
  ev.scrolls *= factor;
  ev.clicks *= factor;
  ev.quickClicks *= factor;
  ev.focuses *= factor;
  ev.steadyFormSteps *= factor;
  ev.idle *= factor;
}

/** Extends the current stretch of form work to `t`; false when `t` starts a new one. */
function continueFormWork(s: MoodState, t: number): boolean {
  const continues = s.formLastAt !== null && Math.abs(t - s.formLastAt) <= TUNING.formFlowGapS;
  if (!continues) s.formStartedAt = t;
  s.formLastAt = continues ? Math.max(t, s.formLastAt ?? t) : t;
  return continues;
}

/** An idle event without a duration is taken to be a long one: that is what reporting it says. */
function idleMs(event: MoodEvent): number {
  return event.duration_ms ?? TUNING.longIdleMs;
}
