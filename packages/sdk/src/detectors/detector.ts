import type { MoodEvent } from "@sessionmood/engine";

/** What a detector is given: where to report events, and the privacy setting for URLs. */
export interface DetectorContext {
  /** Reports an event; one without `ts` happened now. */
  emit(event: MoodEvent): void;
  fullUrls: boolean;
}

/** Starts watching the page and returns the functions that stop it, leaving nothing behind. */
export type Detector<S> = (settings: S, context: DetectorContext) => Array<() => void>;
