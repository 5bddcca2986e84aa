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
/** What next/previous buttons step through: a stepper, a list of options, a carousel's slides. */
const STEPPED = STEPPER + ",[role=listbox],[aria-roledescription=carousel i],[aria-roledescription=carousel i] *";

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
 * Steppers, sliders and next/previous controls are clicked many times in a row on purpose. Told
 * by structure and ARIA roles, never by their text or class names: a number input or slider, a
 * button right beside one (`- [3] +`) or in a `[role=group]` with one, a control inside a
 * carousel or whose `aria-controls` points at a stepper, list box or carousel.
 */
export function isStepper(element: Element): boolean {
  if (element.closest(STEPPER)) return true;
  const control = clickableOf(element);
  if (!control) return false;
  const controlled = (control.getAttribute("aria-controls") ?? "").split(" ").map((id) => document.getElementById(id));
  return (
    !!control.closest("[role=group]")?.querySelector(STEPPER) ||
    [control.previousElementSibling, control.nextElementSibling].some((side) => side?.matches(STEPPER)) ||
    [control, ...controlled].some((near) => near?.matches(STEPPED))
  );
}

/** A link that opens elsewhere (download, new tab, mail app): nothing visible happens here, by design. */
export function opensElsewhere(element: Element): boolean {
  return !!element.closest(ELSEWHERE);
}
