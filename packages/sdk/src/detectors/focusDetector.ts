import type { DetectorSettings } from "../defaults.js";
import { elementOf, formFieldOf, isIgnored } from "../lib/elements.js";
import { listen } from "../lib/listen.js";
import type { Detector } from "./detector.js";

/**
 * Reports `focus` and `blur` of form fields. Switching to another window or tab blurs the field
 * too; that is not leaving the form, so it and the matching re-focus are not reported.
 */
export const focusDetector: Detector<DetectorSettings["focus"]> = (_settings, { emit }) => {
  let leftWithWindow: Element | null = null;
  const fieldOf = (target: EventTarget | null) => {
    const element = elementOf(target);
    return element && !isIgnored(element) ? formFieldOf(element) : null;
  };

  return [
    listen(document, "focusin", (event) => {
      const field = fieldOf(event.target);
      if (field && field !== leftWithWindow) emit({ type: "focus" });
      leftWithWindow = null;
    }),
    listen(document, "focusout", (event) => {
      const field = fieldOf(event.target);
      if (!field) return;
      if (!document.hasFocus()) leftWithWindow = field;
      else emit({ type: "blur" });
    }),
  ];
};
