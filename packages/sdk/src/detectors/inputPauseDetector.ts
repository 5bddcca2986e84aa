import type { DetectorSettings } from "../defaults.js";
import { elementOf, isIgnored, textFieldOf } from "../lib/elements.js";
import { listen } from "../lib/listen.js";
import type { Detector } from "./detector.js";

/**
 * Reports `input_pause` with `duration_ms` when typing in a text field resumes after at least
 * `minMs` without leaving the field. Only the timing of `input` events is used: the value
 * typed is never read.
 */
export const inputPauseDetector: Detector<DetectorSettings["inputPause"]> = (settings, { emit }) => {
  let field: Element | null = null;
  let lastTypedAt = 0;

  return [
    listen<InputEvent>(document, "input", (event) => {
      const element = elementOf(event.target);
      const typedIn = element && !isIgnored(element) ? textFieldOf(element) : null;
      if (!typedIn) return;
      const now = Date.now();
      if (typedIn === field && now - lastTypedAt >= settings.minMs) {
        emit({ type: "input_pause", duration_ms: now - lastTypedAt });
      }
      field = typedIn;
      lastTypedAt = now;
    }),
    listen(document, "focusout", (event) => {
      if (elementOf(event.target) === field) field = null;
    }),
  ];
};
