import type { MoodEvent } from "@sessionmood/engine";
import type { DetectorSettings } from "../defaults.js";
import { nowSeconds } from "../lib/clock.js";
import { clickableOf, elementOf, formFieldOf, isIgnored, isStepper, opensElsewhere } from "../lib/elements.js";
import { listen } from "../lib/listen.js";
import { createPageActivity } from "../lib/pageActivity.js";
import type { Detector } from "./detector.js";

/**
 * Reports every click with its viewport position. A click on something clickable is held back
 * for `deadClickMs` and sent with `dead: true` when the page did nothing in response.
 */
export const clickDetector: Detector<DetectorSettings["click"]> = (settings, { emit }) => {
  const activity = settings.deadClicks ? createPageActivity() : null;
  return [
    listen<MouseEvent>(window, "click", (event) => {
      const element = elementOf(event.target);
      // Clicks a script fires (`element.click()`) are not the visitor's.
      if (!event.isTrusted || !element || isIgnored(element)) return;
      const click: MoodEvent = { type: "click", ts: nowSeconds(), x: Math.round(event.clientX), y: Math.round(event.clientY) };
      if (!activity || !canBeDead(element)) return emit(click);
      activity.watch(settings.deadClickMs, (quiet) => emit(quiet ? { ...click, dead: true } : click));
    }),
    () => activity?.stop(),
  ];
};

/**
 * Only a click on something made to be clicked can be dead. Form fields and steppers change state
 * the DOM does not show, and links to downloads or new tabs act outside the page.
 */
function canBeDead(element: Element): boolean {
  return !!clickableOf(element) && !formFieldOf(element) && !isStepper(element) && !opensElsewhere(element);
}
