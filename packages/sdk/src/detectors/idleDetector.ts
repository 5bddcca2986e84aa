import type { DetectorSettings } from "../defaults.js";
import { guard } from "../lib/guard.js";
import { listen } from "../lib/listen.js";
import type { Detector } from "./detector.js";

const INPUT_EVENTS = ["pointerdown", "pointermove", "keydown", "wheel", "scroll"];

/**
 * Reports `idle` once the visible page has had no input for `afterMs`, without waiting for the
 * visitor to come back: the server must see them as disengaged while they are away. Hidden time
 * does not count. Input only stores a time; the one timer re-arms itself for the remainder.
 */
export const idleDetector: Detector<DetectorSettings["idle"]> = (settings, { emit }) => {
  let lastInputAt = Date.now();
  let reported = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const arm = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(check, ms);
  };
  const check = guard(() => {
    if (document.visibilityState === "hidden") return;
    const quietMs = Date.now() - lastInputAt;
    if (quietMs < settings.afterMs) return arm(settings.afterMs - quietMs);
    reported = true;
    emit({ type: "idle", duration_ms: quietMs });
  });
  const onInput = () => {
    lastInputAt = Date.now();
    if (reported) {
      reported = false;
      arm(settings.afterMs);
    }
  };

  arm(settings.afterMs);
  return [
    ...INPUT_EVENTS.map((type) => listen(document, type, onInput)),
    listen(document, "visibilitychange", () => {
      clearTimeout(timer);
      if (document.visibilityState === "hidden") return;
      lastInputAt = Date.now();
      reported = false;
      arm(settings.afterMs);
    }),
    () => clearTimeout(timer),
  ];
};
