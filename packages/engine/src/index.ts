export { ENGINE_VERSION } from "./engine-version.js";
export { EVENT_TYPES, isEventType, type EventType, type MoodEvent, type ScrollDirection } from "./events.js";
export type { Evidence } from "./evidence.js";
export { ACTION_BY_MOOD, MOODS, SUGGESTED_ACTIONS, type ActionPolicy, type Mood, type SuggestedAction } from "./moods.js";
export { createMoodState, isCurrentState, scoreEvent, scoreEvents, type MoodState } from "./mood-state.js";
export { moodFromEvents, moodOf, type MoodResult } from "./mood-result.js";
export type { RecentEvents } from "./recent-events.js";
export { SIGNAL_NAMES, SIGNAL_RULES, type SignalName, type SignalRule } from "./signals.js";
export { TUNING } from "./tuning.js";
