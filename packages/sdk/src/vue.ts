import { getCurrentScope, onScopeDispose, shallowRef, type ShallowRef } from "vue";
import type { CurrentMood, Tracker } from "./options.js";

/**
 * The tracker's latest mood as a Vue ref, updated with each update and unsubscribed when the
 * component (or effect scope) that called it goes: `const mood = useSessionMood(tracker)`.
 */
export function useSessionMood(tracker: Tracker | null | undefined): Readonly<ShallowRef<CurrentMood | null>> {
  const mood = shallowRef<CurrentMood | null>(tracker?.getMood() ?? null);
  const unsubscribe = tracker?.onUpdate((next) => (mood.value = next));
  if (unsubscribe && getCurrentScope()) onScopeDispose(unsubscribe);
  return mood;
}
