import { createMoodState, moodOf, scoreEvent, type MoodState } from "@sessionmood/engine";
import type { LocalScorer } from "./options.js";

/**
 * Scores the session in the page with the same engine the server runs, so `onMood` fires after
 * every event with no network round trip and agrees with the server for the same events.
 * Pass it to `init({ localScoring })`; when it is not imported, bundlers leave the engine out.
 */
export function localScoring(): LocalScorer {
  let state: MoodState = createMoodState();
  return {
    score(event) {
      state = scoreEvent(state, event);
      return moodOf(state);
    },
    save: () => state,
    restore(saved) {
      const candidate = saved as MoodState | null;
      if (candidate && typeof candidate.events === "number" && typeof candidate.evidence === "object") state = candidate;
    },
  };
}
