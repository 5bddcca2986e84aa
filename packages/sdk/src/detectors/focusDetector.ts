import type { DetectorSettings } from "../defaults.js";
import { elementOf, formFieldOf, isIgnored } from "../lib/elements.js";
import { listen } from "../lib/listen.js";
import type { Detector } from "./detector.js";

/**
 * Reports `focus` and `blur` of form fields (inputs, selects, text areas, editable regions).
 * Leaving the tab blurs the field too, and coming back focuses it again: the visitor did leave it.
 */
export const focusDetector: Detector<DetectorSettings["focus"]> = (_settings, { emit }) => {
  const report = (type: "focus" | "blur") => (event: Event) => {
    const element = elementOf(event.target);
    if (element && !isIgnored(element) && formFieldOf(element)) emit({ type });
  };
  return [listen(document, "focusin", report("focus")), listen(document, "focusout", report("blur"))];
};
