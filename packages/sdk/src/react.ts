import { useSyncExternalStore } from "react";
import type { CurrentMood, Tracker } from "./options.js";

/**
 * The tracker's latest mood in a React component, re-rendering with each update (null before
 * the first, or without a tracker):
 * `const mood = useSessionMood(tracker); if (mood?.suggested_action === "show_live_chat") …`
 */
export function useSessionMood(tracker: Tracker | null | undefined): CurrentMood | null {
  return useSyncExternalStore(
    (onChange) => tracker?.onUpdate(onChange) ?? noop,
    () => tracker?.getMood() ?? null,
    () => null,
  );
}

const noop = (): void => {};
