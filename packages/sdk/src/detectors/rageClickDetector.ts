import type { DetectorSettings } from "../defaults.js";
import { clickableOf, isIgnored, isStepper, textFieldOf } from "../lib/elements.js";
import { listenToClicks } from "../lib/visitorClicks.js";
import type { Detector } from "./detector.js";

/**
 * Reports one `rage_click` per burst of `clicks` clicks within `withinMs` on the same element or
 * within `radiusPx` of the burst's first click. A checkbox or toggle hammered because it will not
 * change is rage. Not rage: double/triple-click text selection, clicks placing the caret in a text
 * field, lists of options, steppers and sliders, and anything inside `[data-sm-ignore]`.
 */
export const rageClickDetector: Detector<DetectorSettings["rageClick"]> = (settings, { emit }) => {
  let times: number[] = [];
  // Where the burst started.
  let firstX = 0;
  let firstY = 0;
  let firstTarget: Element | null = null;
  let reported = false;

  return [
    listenToClicks((event, element) => {
      if (isIgnored(element) || textFieldOf(element) || element.closest("select") || isStepper(element) || selectsText(event)) {
        times = [];
        return;
      }
      const target = clickableOf(element) ?? element;
      const { clientX: x, clientY: y, timeStamp: at } = event;
      const sameSpot = target === firstTarget || Math.hypot(x - firstX, y - firstY) <= settings.radiusPx;
      if (!sameSpot || !times.length || at - times[times.length - 1]! > settings.withinMs) {
        times = [];
        firstX = x;
        firstY = y;
        firstTarget = target;
        reported = false;
      }
      times = times.filter((t) => at - t <= settings.withinMs);
      times.push(at);
      if (times.length >= settings.clicks && !reported) {
        reported = true;
        emit({ type: "rage_click", x: Math.round(x), y: Math.round(y) });
      }
    }),
  ];
};

/** A double or triple click that left text selected was selecting text, not raging. */
function selectsText(event: MouseEvent): boolean {
  return event.detail >= 2 && getSelection()?.isCollapsed === false;
}
