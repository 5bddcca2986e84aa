import type { DetectorSettings } from "../defaults.js";
import { elementOf, formFieldOf, isIgnored } from "../lib/elements.js";
import { listen } from "../lib/listen.js";
import type { Detector } from "./detector.js";

/**
 * Reports `focus` and `blur` of form fields (inputs, selects, text areas, editable regions).
 * Switching to another tab or window blurs the field and coming back focuses it again, but the
 * visitor never left the field: the field stays `document.activeElement`, and neither is sent.
 */
export const focusDetector: Detector<DetectorSettings["focus"]> = (_settings, { emit }) => {
  let away: Element | null = null;
  const report = (type: "focus" | "blur") => (event: Event) => {
    const element = elementOf(event.target);
    if (!element || isIgnored(element) || !formFieldOf(element)) return;
    if (type === "blur" && document.activeElement === element) away = element;
    else if (away === element) away = null;
    else emit({ type });
  };
  return [listen(document, "focusin", report("focus")), listen(document, "focusout", report("blur"))];
};
