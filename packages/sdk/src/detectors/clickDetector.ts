import type { MoodEvent } from "@sessionmood/engine";
import type { DetectorSettings } from "../defaults.js";
import { nowSeconds } from "../lib/clock.js";
import { clickableOf, elementOf, formFieldOf, isIgnored, isStepper, opensElsewhere } from "../lib/elements.js";
import { listen } from "../lib/listen.js";
import { createPageActivity } from "../lib/pageActivity.js";
import { listenToClicks } from "../lib/visitorClicks.js";
import type { Detector } from "./detector.js";

/** The page's answer to a press, while it is awaited: `_quiet` once known, `_then` once clicked. */
interface Press {
  _quiet?: boolean;
  _then?: (quiet: boolean) => void;
}

/**
 * Reports every click with its viewport position. A click on something clickable is held back
 * and sent with `dead: true` when the page did nothing in response within `deadClickMs` of the
 * press: menus and custom selects answer `pointerdown`, before the click.
 */
export const clickDetector: Detector<DetectorSettings["click"]> = (settings, { emit }) => {
  const activity = settings.deadClicks ? createPageActivity() : null;
  let press: Press | null = null;
  return [
    listen<MouseEvent>(window, "pointerdown", (event) => {
      const element = elementOf(event.target);
      press = null;
      if (!activity || !event.isTrusted || !element || !canBeDead(element, event)) return;
      const current: Press = (press = {});
      activity.watch(settings.deadClickMs, (quiet) => {
        current._quiet = quiet;
        current._then?.(quiet);
      });
    }),
    listenToClicks((event, element) => {
      // A click from the keyboard (`detail` 0) had no press of its own.
      const pressed = event.detail ? press : null;
      press = null;
      if (isIgnored(element)) return;
      const click: MoodEvent = { type: "click", ts: nowSeconds(), x: Math.round(event.clientX), y: Math.round(event.clientY) };
      if (!activity || !canBeDead(element, event)) return emit(click);
      const done = (quiet: boolean) => emit(quiet ? { ...click, dead: true } : click);
      // Without a press (a key) or after a long one, the watch starts now.
      if (!pressed || pressed._quiet) activity.watch(settings.deadClickMs, done);
      else if (pressed._quiet === false) done(false);
      else pressed._then = done;
    }),
    () => activity?.stop(),
  ];
};

/**
 * Only a click on something made to be clicked can be dead. Form fields, labels and steppers
 * change state the DOM does not show; links to downloads or new tabs, and clicks with a modifier
 * key (new tab, new window, download), act outside the page.
 */
function canBeDead(element: Element, event: MouseEvent): boolean {
  return (
    !!clickableOf(element) &&
    !(event.button || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) &&
    !element.closest("label") &&
    !formFieldOf(element) &&
    !isStepper(element) &&
    !opensElsewhere(element)
  );
}
