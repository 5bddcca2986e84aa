/** Every behavioural event type a session can report, in contract order. */
export const EVENT_TYPES = [
  "click",
  "rage_click",
  "scroll",
  "input_pause",
  "backtrack",
  "back_nav",
  "page_view",
  "error",
  "idle",
  "hover",
  "focus",
  "blur",
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

export type ScrollDirection = "up" | "down";

/**
 * One behavioural event. `ts` is Unix time in seconds (fractions allowed); every other field
 * is optional and only meaningful for the types named beside it.
 */
export interface MoodEvent {
  type: EventType;
  ts?: number;
  /** click, rage_click: viewport coordinates in px. */
  x?: number;
  y?: number;
  /** click: nothing happened after it (no DOM change, navigation, scroll, focus or request). */
  dead?: boolean;
  /** scroll: px per second over the gesture. */
  speed?: number;
  direction?: ScrollDirection;
  /** input_pause, idle, hover: how long it lasted. */
  duration_ms?: number;
  /** page_view: the page or route. */
  url?: string;
  /** error: what the visitor saw, at most 512 characters. */
  message?: string;
}

/** Whether `type` is one of the contract's event types. */
export function isEventType(type: unknown): type is EventType {
  return (EVENT_TYPES as readonly unknown[]).includes(type);
}
