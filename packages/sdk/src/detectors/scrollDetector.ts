import type { ScrollDirection } from "@sessionmood/engine";
import type { DetectorSettings } from "../defaults.js";
import { nowSeconds } from "../lib/clock.js";
import { guard } from "../lib/guard.js";
import { listen } from "../lib/listen.js";
import type { Detector } from "./detector.js";

/** A single jump (End key, anchor) reads as a very fast gesture, not an infinitely fast one. */
const MIN_GESTURE_MS = 100;

/**
 * Reports one `scroll` per gesture of the page (speed in px/s and direction), not one per scroll
 * event, and a `backtrack` when the visitor turns back after a real leg in one direction.
 * The position is sampled once per animation frame, never in the scroll handler itself.
 */
export const scrollDetector: Detector<DetectorSettings["scroll"]> = (settings, { emit }) => {
  let y = scrollY;
  // The gesture in progress: where and when it started (0: none), its direction and its ts.
  let fromY = 0;
  let startedAt = 0;
  let endedAt = 0;
  let direction: ScrollDirection = "down";
  let ts = 0;
  // The run of gestures in one direction so far, to tell a real reversal from jitter.
  let legDirection: ScrollDirection = "down";
  let legPx = 0;
  let firstEventAt = 0;
  let requested = 0;
  let endTimer: ReturnType<typeof setTimeout> | undefined;

  const endGesture = () => {
    clearTimeout(endTimer);
    const px = Math.abs(y - fromY);
    const started = startedAt;
    startedAt = 0;
    if (!started || px < settings.minPx) return;
    const speed = Math.round(px / (Math.max(endedAt - started, MIN_GESTURE_MS) / 1000));
    emit({ type: "scroll", ts, speed, direction });
    if (direction === legDirection) return void (legPx += px);
    // Read here, in a timer, not in the scroll handler.
    if (legPx >= settings.backtrackViewports * innerHeight) emit({ type: "backtrack" });
    legDirection = direction;
    legPx = px;
  };

  const sample = guard(() => {
    const at = performance.now();
    const eventAt = firstEventAt || at;
    firstEventAt = 0;
    const nextY = scrollY;
    if (nextY === y) return;
    const nextDirection: ScrollDirection = nextY > y ? "down" : "up";
    if (startedAt && nextDirection !== direction) endGesture();
    if (!startedAt) {
      fromY = y;
      startedAt = eventAt;
      direction = nextDirection;
      ts = nowSeconds();
    }
    y = nextY;
    endedAt = at;
    clearTimeout(endTimer);
    endTimer = setTimeout(guard(endGesture), settings.gestureEndMs);
  });

  return [
    listen<Event>(
      window,
      "scroll",
      (event) => {
        // The handler only notes the time; the position is read once, in the next frame.
        firstEventAt ||= event.timeStamp;
        requested ||= requestAnimationFrame(() => {
          requested = 0;
          sample();
        });
      },
      false,
    ),
    () => {
      cancelAnimationFrame(requested);
      clearTimeout(endTimer);
    },
  ];
};
