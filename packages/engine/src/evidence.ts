import type { EventType } from "./events.js";
import type { MoodState } from "./mood-state.js";
import { detailOfCode, typeOfCode } from "./recent-events.js";
import { TUNING } from "./tuning.js";

/**
 * What a session's recent events show, each count weighted by 2^(-age / half-life) at the
 * latest `ts`, plus the few facts about "now" that some signals need.
 */
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
  /** Idle units (see `idleUnits`), faded. */
  idle: number;
  /** Idle units of the latest event when it is an idle: the visitor may be away right now. */
  idleNow: number;
  /** Page views among the recent events, not faded: how many pages this visit has shown lately. */
  pagesSeen: number;
  /** The latest `ts`. */
  at: number | null;
  /** When the last field was left, while nothing has been focused or clicked since. */
  blurredAt: number | null;
  /** Start and latest event of the latest stretch of form work. */
  formStartedAt: number | null;
  formLastAt: number | null;
}

/** After these, a click is considered, not direct. */
const HESITANT_TYPES: ReadonlySet<EventType> = new Set(["hover", "input_pause", "backtrack", "idle"]);

// exp(-age · ln2 / half-life) is 2^(-age / half-life) at a fraction of Math.pow's cost.
const FADE_PER_SECOND = Math.LN2 / TUNING.halfLifeS;

/** The evidence of a state: its recent events folded in time order, in O(recent events). */
export function evidenceOf(state: MoodState): Evidence {
  const ev: Evidence = {
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
    idleNow: 0,
    pagesSeen: 0,
    at: state.at,
    blurredAt: null,
    formStartedAt: null,
    formLastAt: null,
  };
  const at = state.at ?? 0;
  const recent = state.recent;
  let previousAt: number | null = null;
  let previousType: EventType | null = null;
  let lastClickAt: number | null = null;
  let lastPageViewAt: number | null = null;

  for (let i = 0; i < recent.length; i += 2) {
    const age = recent[i]! / 1000;
    const t = at - age;
    const code = recent[i + 1]!;
    const type = typeOfCode(code);
    const detail = detailOfCode(code);
    const weight = Math.exp(-age * FADE_PER_SECOND);
    ev.idleNow = 0;

    switch (type) {
      case "click":
        ev.blurredAt = null;
        if (detail === 1) {
          ev.deadClicks += weight;
          break;
        }
        // A click into a form field is part of filling the form, not a move of its own.
        if (focusNear(recent, i)) break;
        ev.clicks += weight;
        if (
          previousAt !== null &&
          !HESITANT_TYPES.has(previousType!) &&
          t - previousAt <= TUNING.quickClickGapS &&
          // A click right after another is hammering (the rage-click window), not moving on.
          !(lastClickAt !== null && t - lastClickAt <= TUNING.repeatClickS)
        ) {
          ev.quickClicks += weight;
        }
        lastClickAt = t;
        break;
      case "rage_click":
        ev.rage += weight;
        ev.blurredAt = null;
        break;
      case "scroll":
        if (detail === 1) ev.fastScrolls += weight;
        else ev.scrolls += weight;
        break;
      case "input_pause":
        ev.inputPauses += weight * pauseUnits(detail * 100);
        continueFormWork(ev, t);
        // Stuck over a field this long is not steady work: the steady stretch starts again after it.
        if (detail * 100 >= TUNING.stuckPauseMs) ev.formStartedAt = t;
        break;
      case "backtrack":
        ev.backtracks += weight;
        break;
      case "back_nav":
        ev.backNavs += weight;
        break;
      case "page_view":
        ev.pages += weight;
        ev.pagesSeen++;
        if (lastPageViewAt !== null && t - lastPageViewAt < TUNING.churnDwellS) ev.churnedPages += weight;
        lastPageViewAt = t;
        break;
      case "error":
        ev.errors += weight;
        break;
      case "idle":
        ev.idleNow = idleUnits(detail);
        ev.idle += weight * ev.idleNow;
        break;
      case "hover":
        if (detail === 1) ev.longHovers += weight;
        break;
      case "focus":
        ev.focuses += weight;
        // A field reached after hesitating over what to do is not the next step of a steady flow.
        if (continueFormWork(ev, t) && !HESITANT_TYPES.has(previousType!)) ev.steadyFormSteps += weight;
        ev.blurredAt = null;
        break;
      case "blur":
        continueFormWork(ev, t);
        ev.blurredAt = t;
        break;
    }
    previousAt = t;
    previousType = type;
  }
  return ev;
}

/**
 * How much a typing pause of `ms` says: nothing below `inputPauseMs` (a breath), then more the
 * longer it was: 3 s of thinking about an answer is ordinary, 7 s of staring at a field is not.
 */
function pauseUnits(ms: number): number {
  return ms < TUNING.inputPauseMs ? 0 : Math.min(Math.log2(ms / TUNING.pauseBaseMs), TUNING.pauseMaxUnits);
}

/** Whether the event at `i` of `recent` has a focus within `TUNING.fieldClickMs` of it. */
function focusNear(recent: readonly number[], i: number): boolean {
  for (const step of [-2, 2]) {
    for (let j = i + step; j >= 0 && j < recent.length && Math.abs(recent[j]! - recent[i]!) <= TUNING.fieldClickMs; j += step) {
      if (typeOfCode(recent[j + 1]!) === "focus") return true;
    }
  }
  return false;
}

/**
 * How much an absence of `seconds` says: nothing up to `idleBaseMs`, then one unit per doubling,
 * capped, so ten minutes away weighs far more than half a minute and one huge idle does not
 * drown everything else.
 */
function idleUnits(seconds: number): number {
  return Math.min(Math.max(Math.log2((seconds * 1000) / TUNING.idleBaseMs), 0), TUNING.idleMaxUnits);
}

/** Extends the current stretch of form work to `t`; false when `t` starts a new one. */
function continueFormWork(ev: Evidence, t: number): boolean {
  const continues = ev.formLastAt !== null && t - ev.formLastAt <= TUNING.formFlowGapS;
  if (!continues) ev.formStartedAt = t;
  ev.formLastAt = t;
  return continues;
}
