import type { DetectorSettings } from "../defaults.js";
import { guard } from "../lib/guard.js";
import { listen } from "../lib/listen.js";
import type { Detector } from "./detector.js";

// Not `scroll`: a page scrolls by itself too (tickers, restored positions); the visitor's own
// scrolling starts with a wheel, a key or a press.
const INPUT_EVENTS = ["pointerdown", "pointermove", "keydown", "wheel"];

/**
 * Reports `idle` when the visitor's attention is elsewhere: the tab hidden, the window blurred,
 * or the visible page without input for `afterMs` (reading is not idling). `duration_ms` is the
 * length of the absence: sent once `afterMs` into it, so the server learns while the visitor is
 * still away, and once when they come back, with its whole length (absences shorter than
 * `awayMs` are glances, not sent). Input only stores a time; the one timer re-arms itself.
 */
export const idleDetector: Detector<DetectorSettings["idle"]> = (settings, { emit }) => {
  let lastInputAt = Date.now();
  // When attention left (0: the visitor is here), and whether that absence was already reported.
  let awaySince = 0;
  let reported = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const arm = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(check, ms);
  };
  const check = guard(() => {
    const since = awaySince || lastInputAt;
    const ms = Date.now() - since;
    if (ms < settings.afterMs) return arm(settings.afterMs - ms);
    awaySince = since;
    reported = true;
    emit({ type: "idle", duration_ms: ms });
  });
  const leave = () => {
    if (awaySince) return;
    awaySince = Date.now();
    arm(settings.afterMs);
  };
  const back = () => {
    lastInputAt = Date.now();
    if (!awaySince) return;
    const ms = lastInputAt - awaySince;
    if (reported || ms >= settings.awayMs) emit({ type: "idle", duration_ms: ms });
    awaySince = 0;
    reported = false;
    arm(settings.afterMs);
  };

  arm(settings.afterMs);
  return [
    ...INPUT_EVENTS.map((type) => listen(document, type, back)),
    listen(document, "visibilitychange", () => (document.visibilityState === "hidden" ? leave() : back())),
    // On the window itself (no capture): fields' focus and blur do not bubble to it. Focus moving
    // into an embedded frame (a video, a payment form) blurs the window, but not the visitor.
    listen(window, "blur", () => document.activeElement?.tagName === "IFRAME" || leave(), false),
    listen(window, "focus", back, false),
    () => clearTimeout(timer),
  ];
};
