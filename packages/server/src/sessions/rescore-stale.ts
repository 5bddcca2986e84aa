import { createMoodState, ENGINE_VERSION, moodOf, scoreEvents } from "@sessionmood/engine";
import { LIMITS } from "../limits.js";
import type { SessionStore } from "../store/storage.js";

/**
 * Brings every stored session up to this engine version: a state another version wrote (older
 * tuning, another state format) is rebuilt from the session's stored events. Runs at start-up,
 * before the server takes requests, in chunks; returns how many sessions it re-scored.
 */
export async function rescoreStaleSessions(sessions: SessionStore): Promise<number> {
  let rescored = 0;
  for (;;) {
    const chunk = await sessions.rescoreStale(
      ENGINE_VERSION,
      (events) => {
        const state = scoreEvents(createMoodState(), events);
        return { state, mood: moodOf(state).mood };
      },
      LIMITS.RESCORE_CHUNK_SESSIONS,
    );
    if (chunk === 0) return rescored;
    rescored += chunk;
  }
}
