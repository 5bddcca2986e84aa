import { createMoodState, isCurrentState, moodOf, scoreEvent, type MoodState } from "@sessionmood/engine";
import type { LocalScorer } from "./options.js";

/**
 * Scores the session in the page with the same engine the server runs, so the mood follows every
 * event with no network round trip and agrees with the server for the same events, its action
 * included (the server's answers carry the account's learned policy).
 * Pass it to `init({ localScoring })`; when it is not imported, bundlers leave the engine out.
 */
export function localScoring(): LocalScorer {
  let state: MoodState = createMoodState();
  return {
    score(event, policy) {
      state = scoreEvent(state, event);
      return moodOf(state, policy);
    },
    save: () => state,
    // A state saved by another engine version is dropped: scoring starts afresh rather than misread it.
    restore(saved) {
      if (isCurrentState(saved)) state = saved;
    },
  };
}
