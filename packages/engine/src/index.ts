export { EVENT_TYPES, isEventType, type EventType, type MoodEvent, type ScrollDirection } from "./events.js";
export { ACTION_BY_MOOD, MOODS, type Mood, type SuggestedAction } from "./moods.js";
export { createMoodState, scoreEvent, scoreEvents, type Evidence, type MoodState } from "./mood-state.js";
export { moodFromEvents, moodOf, type MoodResult } from "./mood-result.js";
export { SIGNAL_NAMES, SIGNAL_RULES, type SignalName, type SignalRule } from "./signals.js";
export { TUNING } from "./tuning.js";
