import { guard } from "./guard.js";
import { watchHistory } from "./historyWatch.js";
import { listen } from "./listen.js";
import { watchRequests } from "./requestWatch.js";

const NAVIGATION_EVENTS = ["scroll", "hashchange", "popstate", "beforeunload", "submit"];

/**
 * Watches the page for `ms` after a click and then calls `done(quiet)`: `quiet` is true when
 * nothing followed it — no DOM change, navigation, form submission, scroll, focus or selection
 * change, or network request. Returns what cancels the watch without calling `done`.
 */
export function watchPageActivity(ms: number, done: (quiet: boolean) => void): () => void {
  const focused = document.activeElement;
  const selection = selectionSnapshot();
  let finished = false;

  const finish = (quiet: boolean) => {
    if (finished) return;
    cancel();
    done(quiet);
  };
  const seen = () => finish(false);
  const observer = new MutationObserver(guard(seen));
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  const timer = setTimeout(
    guard(() => finish(document.activeElement === focused && sameSelection(selectionSnapshot(), selection))),
    ms,
  );
  const stops = [
    () => observer.disconnect(),
    () => clearTimeout(timer),
    watchHistory(seen),
    watchRequests((notice) => notice.phase === "start" && seen()),
    ...NAVIGATION_EVENTS.map((type) => listen(window, type, seen)),
  ];
  const cancel = () => {
    finished = true;
    for (const stop of stops) stop();
  };
  return cancel;
}

/** Where the selection is, without reading any selected text. */
function selectionSnapshot(): unknown[] {
  const s = getSelection();
  return s ? [s.anchorNode, s.anchorOffset, s.focusNode, s.focusOffset] : [];
}

function sameSelection(a: unknown[], b: unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}
