import { elementOf } from "./elements.js";
import { guard } from "./guard.js";
import { watchHistory } from "./historyWatch.js";
import { listen } from "./listen.js";
import { watchRequests } from "./requestWatch.js";

/**
 * What the page can do in answer to a click: scroll, change route or hash, submit a form, start
 * a navigation, open a window, click something itself (a hidden file input), move focus or the
 * selection. A hash change needs no listener of its own: going to an anchor fires `popstate` too.
 */
const ACTIVITY_EVENTS = ["scroll", "popstate", "submit", "pagehide"];

let onOpen: (() => void) | null = null;
let openWrapped = false;

/**
 * Calls `listener` after each `window.open` until the returned function stops it; one listener
 * at a time (the click detector's). Wrapped once, on first use, and left in place (see `watchHistory`).
 */
function watchOpen(listener: () => void): () => void {
  const native = window.open;
  if (!openWrapped && typeof native === "function") {
    openWrapped = true;
    window.open = (...args: Parameters<Window["open"]>) => {
      const popup = native.apply(window, args);
      if (onOpen) guard(onOpen)();
      return popup;
    };
  }
  onOpen = listener;
  return () => void (onOpen === listener && (onOpen = null));
}

/** Watches after clicks for a sign of life from the page; see `createPageActivity`. */
export interface PageActivity {
  /**
   * Calls `done(quiet)` `ms` from now: `quiet` is true when nothing followed the call — no DOM
   * change, navigation, form submission, scroll, focus or selection change, or network request.
   * Activity ends every pending watch at once, not quiet.
   */
  watch(ms: number, done: (quiet: boolean) => void): void;
  /** Removes every listener and observer; pending watches never call back. */
  stop(): void;
}

/**
 * Listeners added once answer every pending watch at the first sign of activity, so that a click
 * costs a timer, not a set of listeners of its own. The MutationObserver, whose records cost
 * something on every DOM change of the page, observes only while a watch is pending.
 */
export function createPageActivity(): PageActivity {
  const pending = new Map<ReturnType<typeof setTimeout>, (quiet: boolean) => void>();
  const end = (timer: ReturnType<typeof setTimeout>, quiet: boolean) => {
    const done = pending.get(timer);
    clearTimeout(timer);
    pending.delete(timer);
    if (!pending.size) observer.disconnect();
    done?.(quiet);
  };
  const seen = () => {
    for (const timer of [...pending.keys()]) end(timer, false);
  };
  // `seen` only calls guarded callbacks.
  const observer = new MutationObserver(seen);
  const navigation = (window as { navigation?: EventTarget }).navigation;
  // The browser's own answer to a press — focusing the pressed control, placing or extending the
  // selection in it on a double or triple click — is not the page's.
  let pressed: Element | null = null;
  const byPress = (node: Node | null) => !!node && !!pressed && (pressed.contains(node) || node.contains(pressed));
  const stops = [
    ...ACTIVITY_EVENTS.map((type) => listen(window, type, seen)),
    listen(window, "pointerdown", (event) => (pressed = elementOf(event.target))),
    listen(window, "click", (event) => event.isTrusted || seen()),
    listen(window, "focusin", (event) => byPress(event.target as Node) || seen()),
    // Read only while a watch is pending: `getSelection()` brings layout up to date (~0.3 ms).
    listen(document, "selectionchange", () => {
      const selection = pending.size ? getSelection() : null;
      if (selection && !selection.isCollapsed && !byPress(selection.anchorNode)) seen();
    }),
    watchOpen(seen),
    watchHistory(seen),
    watchRequests((notice) => notice.phase === "start" && seen()),
    // Links and scripts that leave the page, before the next page has answered.
    navigation ? listen(navigation, "navigate", seen) : () => {},
  ];

  return {
    watch(ms, done) {
      if (!pending.size) observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      const timer = setTimeout(
        guard(() => {
          // A DOM change of the last moment whose records still wait for the observer's callback.
          if (observer.takeRecords().length) seen();
          else end(timer, true);
        }),
        ms,
      );
      pending.set(timer, guard(done));
    },
    stop() {
      for (const timer of pending.keys()) clearTimeout(timer);
      pending.clear();
      observer.disconnect();
      for (const stop of stops) stop();
    },
  };
}
