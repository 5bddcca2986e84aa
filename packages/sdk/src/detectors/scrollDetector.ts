import type { ScrollDirection } from "@sessionmood/engine";
import type { DetectorSettings } from "../defaults.js";
import { nowSeconds } from "../lib/clock.js";
import { guard } from "../lib/guard.js";
import { listen } from "../lib/listen.js";
import type { Detector } from "./detector.js";

/** A single jump (End key) reads as a very fast gesture, not an infinitely fast one. */
const MIN_GESTURE_MS = 100;

/** The gestures of one scrolling thing (the page or a panel). */
interface Scroller {
  /** Its position moved; `eventAt` is the time of the first scroll event since the last frame. */
  _moved(eventAt: number): void;
  _stop(): void;
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

  const scrollerOf = (target: EventTarget): Scroller => {
    const panel = target instanceof Element ? target : null;
    const positionOf = () => (panel ? panel.scrollTop : scrollY);
    let y = positionOf();
    // The gesture in progress: where and when it started (0: none), by touch or not, its direction and ts.
    let fromY = 0;
    let startedAt = 0;
    let endedAt = 0;
    let touch = false;
    let direction: ScrollDirection = "down";
    let ts = 0;
    // The run of gestures in one direction so far, to tell a real reversal from jitter.
    let legDirection: ScrollDirection = "down";
    let legPx = 0;
    let endTimer: ReturnType<typeof setTimeout> | undefined;

    const endGesture = () => {
      clearTimeout(endTimer);
      const px = Math.abs(y - fromY);
      const started = startedAt;
      startedAt = 0;
      if (!started || px < settings.minPx) return;
      const perSecond = px / (Math.max(endedAt - started, MIN_GESTURE_MS) / 1000);
      emit({ type: "scroll", ts, speed: Math.round(touch ? perSecond / settings.touchFactor : perSecond), direction });
      if (direction === legDirection) return void (legPx += px);
      // Read here, in a timer, not in the scroll handler.
      if (legPx >= settings.backtrackViewports * (panel ? panel.clientHeight : innerHeight)) emit({ type: "backtrack" });
      legDirection = direction;
      legPx = px;
    };

    return {
      _moved(eventAt) {
        const nextY = positionOf();
        if (nextY === y) return;
        const nextDirection: ScrollDirection = nextY > y ? "down" : "up";
        if (startedAt && nextDirection !== direction) endGesture();
        if (!startedAt) {
          if (!pressed && eventAt - inputAt > settings.inputMs) return void (y = nextY);
          fromY = y;
          startedAt = eventAt;
          touch = touchInput;
          direction = nextDirection;
          ts = nowSeconds();
        }
        y = nextY;
        endedAt = performance.now();
        clearTimeout(endTimer);
        endTimer = setTimeout(guard(endGesture), settings.gestureEndMs);
      },
      _stop: () => clearTimeout(endTimer),
    };
  };

  scrollers.set(document, scrollerOf(document));

  return [
    listen(document, "wheel", input),
    // Enter follows links and presses buttons: the jump after it is the page's.
    listen<KeyboardEvent>(document, "keydown", (event) => event.key === "Enter" || input(event)),
    // A finger that moves scrolls; a tap (on an in-page link, say) does not, whatever jump follows.
    listen(document, "touchmove", (event) => input(event, true)),
    // Not the press itself: a click on an anchor link or a back-to-top button scrolls after it.
    listen(document, "pointerdown", () => (pressed = true)),
    ...["pointerup", "pointercancel"].map((type) => listen(document, type, () => (pressed = false))),
    listen<Event>(document, "scroll", (event) => {
      // The handler only notes the time; positions are read once, in the next frame.
      const target = event.target ?? document;
      if (!moved.has(target)) moved.set(target, event.timeStamp);
      requested ||= requestAnimationFrame(
        guard(() => {
          requested = 0;
          for (const [scrolled, eventAt] of moved) {
            const scroller = scrollers.get(scrolled);
            // A panel seen for the first time: its position before this scroll is unknown.
            if (scroller) scroller._moved(eventAt);
            else scrollers.set(scrolled, scrollerOf(scrolled));
          }
          moved.clear();
        }),
      );
    }),
    () => {
      cancelAnimationFrame(requested);
      for (const scroller of scrollers.values()) scroller._stop();
    },
  ];
};
