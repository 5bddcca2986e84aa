// Element classification for the detectors. Only tag names and attributes are looked at, never
// element text or field values, and nothing here reads layout.

const CLICKABLE =
  "a[href],button,summary,[role=button],[role=link],[role=tab],[role=menuitem]," +
  "input[type=submit],input[type=button],input[type=reset],input[type=image]";
const EDITABLE = "textarea,[contenteditable]:not([contenteditable=false])";
const FORM_FIELD = EDITABLE + ",select,input:not([type=submit],[type=button],[type=reset],[type=image],[type=hidden])";
const TEXT_FIELD =
  EDITABLE + ",input:is(:not([type]),[type=text],[type=email],[type=search],[type=tel],[type=url],[type=password])";
const ELSEWHERE =
  'a[download],a[target]:not([target=_self],[target=""]),a[href^="mailto:"],a[href^="tel:"],a[href^="sms:"]';
const STEPPER = "input[type=number],input[type=range],[role=spinbutton],[role=slider]";
/** Names that mark increment/decrement and next/previous controls, whatever their label says. */
const STEPPER_NAME = /next|prev|increase|decrease|increment|decrement|plus|minus|stepper|spin|carousel|slider|arrow/i;

/** The element an event happened on (the parent of a text node). */
export function elementOf(target: EventTarget | null): Element | null {
  return target instanceof Element ? target : target instanceof Node ? target.parentElement : null;
}

/** Inside a `[data-sm-ignore]` subtree: the site asked us to look away. */
export function isIgnored(element: Element): boolean {
  return element.closest("[data-sm-ignore]") !== null;
}

/** The nearest element that exists to be clicked (link, button, tab…), or null. */
export function clickableOf(element: Element): Element | null {
  return element.closest(CLICKABLE);
}

/** The nearest form field (input, select, textarea, editable region), or null. */
export function formFieldOf(element: Element): Element | null {
  return element.closest(FORM_FIELD);
}

/** The nearest field a visitor types text into, or null. */
export function textFieldOf(element: Element): Element | null {
  return element.closest(TEXT_FIELD);
}

/** The nearest element worth hovering over: something clickable or a form field. */
export function interactiveOf(element: Element): Element | null {
  return clickableOf(element) ?? formFieldOf(element);
}

/**
 * Steppers, sliders and next/previous controls are clicked many times in a row on purpose:
 * a number input or slider, a button right beside one (`- [3] +`), or a control named like one.
 */
export function isStepper(element: Element): boolean {
  if (element.closest(STEPPER)) return true;
  const control = clickableOf(element);
  if (!control) return false;
  if ([control.previousElementSibling, control.nextElementSibling].some((side) => side?.matches(STEPPER))) return true;
  return STEPPER_NAME.test(["id", "class", "aria-label", "rel"].map((name) => control.getAttribute(name)).join());
}

/** A link that opens elsewhere (download, new tab, mail app): nothing visible happens here, by design. */
export function opensElsewhere(element: Element): boolean {
  return !!element.closest(ELSEWHERE);
}
