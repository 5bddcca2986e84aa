import type { DetectorSettings } from "../defaults.js";
import { elementOf, interactiveOf, isIgnored } from "../lib/elements.js";
import { listen } from "../lib/listen.js";
import type { Detector } from "./detector.js";

/**
 * Reports `hover` with `duration_ms` when the pointer rested at least `minMs` on a link, button
 * or form field and left it without clicking: the visitor hesitated over it.
 */
export const hoverDetector: Detector<DetectorSettings["hover"]> = (settings, { emit }) => {
  let hovered: Element | null = null;
  let since = 0;

  const end = () => {
    const ms = Date.now() - since;
    if (hovered && ms >= settings.minMs) emit({ type: "hover", duration_ms: ms });
    hovered = null;
  };

  return [
    listen<MouseEvent>(document, "mouseover", (event) => {
      const over = elementOf(event.target);
      const element = over && !isIgnored(over) ? interactiveOf(over) : null;
      if (element === hovered) return;
      end();
      hovered = element;
      since = Date.now();
    }),
    listen<MouseEvent>(document, "mouseout", (event) => {
      const to = elementOf(event.relatedTarget);
      if (!(to && hovered?.contains(to))) end();
    }),
    // Pressing on it means the visitor decided: whatever came before was not hesitation.
    listen(document, "pointerdown", () => (hovered = null)),
  ];
};
