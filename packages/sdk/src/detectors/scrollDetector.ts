import type { ScrollDirection } from "@sessionmood/engine";
import type { DetectorSettings } from "../defaults.js";
import { nowSeconds } from "../lib/clock.js";
import { guard } from "../lib/guard.js";
import { listen } from "../lib/listen.js";
import type { Detector } from "./detector.js";

/** A single jump (End key) reads as a very fast gesture, not an infinitely fast one. */
const MIN_GESTURE_MS = 100;

/** One scrolling thing (the page or a panel): its position, gesture in progress and current leg. */
interface Scroller {
  y: number;
  // The gesture in progress: where and when it started (0: none), by touch or not, its direction and ts.
  fromY: number;
  startedAt: number;
  endedAt: number;
  touch: boolean;
  direction: ScrollDirection;
  ts: number;
  // The run of gestures in one direction so far, to tell a real reversal from jitter.
  legDirection: ScrollDirection;
  legPx: number;
  endTimer?: ReturnType<typeof setTimeout>;
}

/**
 * Reports one `scroll` per gesture (speed in px/s and direction), not one per scroll event, and
 * a `backtrack` when the visitor turns back after a real leg in one direction — of the page and
 * of each panel with its own scrollbar. Only the visitor's gestures count: a scroll that no wheel,
 * key, touch or held pointer started within `inputMs` is the page's own jump (anchor link,
 * `scrollIntoView`, back-to-top button, restored position). Touch momentum is fast by nature, so
 * touch gestures report their speed divided by `touchFactor`. Positions are read once per
 * animation frame, never in the scroll handler itself.
 */
export const scrollDetector: Detector<DetectorSettings["scroll"]> = (settings, { emit }) => {
  const scrollers = new Map<EventTarget, Scroller>();
  // Scroll events since the last frame: the first one's time, per scrolling thing.
  const moved = new Map<EventTarget, number>();
  let requested = 0;
  let inputAt = -Infinity;
  let touchInput = false;
  // A pointer held down drags a scrollbar or selects past the edge: input for as long as it lasts.
  let pressed = false;

  const input = (event: Event, touch = false) => {
    inputAt = event.timeStamp;
    touchInput = touch;
  };
  const positionOf = (target: EventTarget) => (target instanceof Element ? target.scrollTop : scrollY);

  const endGesture = (scroller: Scroller, target: EventTarget) => {
    clearTimeout(scroller.endTimer);
    const px = Math.abs(scroller.y - scroller.fromY);
    const started = scroller.startedAt;
    scroller.startedAt = 0;
    if (!started || px < settings.minPx) return;
    const { direction } = scroller;
    const perSecond = px / (Math.max(scroller.endedAt - started, MIN_GESTURE_MS) / 1000);
    emit({ type: "scroll", ts: scroller.ts, speed: Math.round(scroller.touch ? perSecond / settings.touchFactor : perSecond), direction });
    if (direction === scroller.legDirection) return void (scroller.legPx += px);
    // Read here, in a timer, not in the scroll handler.
    const height = target instanceof Element ? target.clientHeight : innerHeight;
    if (scroller.legPx >= settings.backtrackViewports * height) emit({ type: "backtrack" });
    scroller.legDirection = direction;
    scroller.legPx = px;
  };

  const sample = guard((target: EventTarget, eventAt: number) => {
    const at = performance.now();
    const y = positionOf(target);
    let scroller = scrollers.get(target);
    if (!scroller) {
      // First seen: its position before this event is unknown, so this frame only sets the start.
      scroller = { y, fromY: y, startedAt: 0, endedAt: 0, touch: false, direction: "down", ts: 0, legDirection: "down", legPx: 0 };
      return void scrollers.set(target, scroller);
    }
    if (y === scroller.y) return;
    const direction: ScrollDirection = y > scroller.y ? "down" : "up";
    if (scroller.startedAt && direction !== scroller.direction) endGesture(scroller, target);
    if (!scroller.startedAt) {
      if (!pressed && eventAt - inputAt > settings.inputMs) return void (scroller.y = y);
      scroller.fromY = scroller.y;
      scroller.startedAt = eventAt;
      scroller.touch = touchInput;
      scroller.direction = direction;
      scroller.ts = nowSeconds();
    }
    scroller.y = y;
    scroller.endedAt = at;
    clearTimeout(scroller.endTimer);
    scroller.endTimer = setTimeout(guard(endGesture), settings.gestureEndMs, scroller, target);
  });

  sample(document, 0);

  return [
    listen(document, "wheel", input),
    // Enter follows links and presses buttons: the jump after it is the page's.
    listen<KeyboardEvent>(document, "keydown", (event) => event.key === "Enter" || input(event)),
    ...["touchstart", "touchmove", "touchend"].map((type) => listen(document, type, (event) => input(event, true))),
    // Not the press itself: a click on an anchor link or a back-to-top button scrolls after it.
    listen(document, "pointerdown", () => (pressed = true)),
    ...["pointerup", "pointercancel"].map((type) => listen(document, type, () => (pressed = false))),
    listen<Event>(document, "scroll", (event) => {
      // The handler only notes the time; positions are read once, in the next frame.
      const target = event.target ?? document;
      if (!moved.has(target)) moved.set(target, event.timeStamp);
      requested ||= requestAnimationFrame(() => {
        requested = 0;
        for (const [scrolled, eventAt] of moved) sample(scrolled, eventAt);
        moved.clear();
      });
    }),
    () => {
      cancelAnimationFrame(requested);
      for (const scroller of scrollers.values()) clearTimeout(scroller.endTimer);
    },
  ];
};
