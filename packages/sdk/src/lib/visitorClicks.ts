import { elementOf } from "./elements.js";
import { listen } from "./listen.js";

/**
 * Calls `handler` with each click of the visitor and the element clicked; returns what stops it.
 * Not the visitor's: clicks a script fires (`element.click()`), and the second click a label
 * passes on to its control (one click of the visitor, two click events).
 */
export function listenToClicks(handler: (event: MouseEvent, element: Element) => void): () => void {
  let passedTo: Element | null = null;
  return listen<MouseEvent>(window, "click", (event) => {
    const element = elementOf(event.target);
    const passed = element === passedTo;
    const control = (element?.closest("label") as HTMLLabelElement | null)?.control;
    passedTo = control === element ? null : (control ?? null);
    if (event.isTrusted && element && !passed) handler(event, element);
  });
}
