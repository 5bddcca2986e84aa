export { init } from "./init.js";
export { localScoring } from "./localScoring.js";
export { DEFAULTS, type DetectorSettings, type TransportSettings } from "./defaults.js";
export type { CurrentMood, EventFields, LocalScorer, Tracker, TrackerOptions } from "./options.js";
export type { EventType, Mood, MoodEvent, MoodResult } from "@sessionmood/engine";
