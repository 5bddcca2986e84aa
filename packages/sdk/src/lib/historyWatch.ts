import { guard } from "./guard.js";

/** The key of the position the SDK merges into each entry's `history.state`. */
const STAMP = "__sm";

const listeners = new Set<() => void>();
let nativeReplace: History["replaceState"] | null = null;
// The position of the entry the page was last seen on.
let last = 0;

/**
 * Calls `listener` after every `history.pushState`/`replaceState` of the page; returns what
 * unsubscribes it. Both methods are wrapped once, on first use, and left in place: unwrapping
 * would break any script that wrapped them on top of ours, and without listeners the wrapper
 * only passes the call through. The wrappers stamp each entry with its position (see `historyIndex`).
 */
export function watchHistory(listener: () => void): () => void {
  if (!nativeReplace) {
    nativeReplace = history.replaceState;
    for (const name of ["pushState", "replaceState"] as const) {
      const method = history[name];
      history[name] = function (this: History, state: unknown, ...rest: [string, (string | URL | null)?]) {
        const index = name === "pushState" ? historyIndex() + 1 : historyIndex();
        method.call(this, stamped(state, index), ...rest);
        last = index;
        for (const notify of listeners) guard(notify)();
      };
    }
  }
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/**
 * The position of the current history entry among this document's entries, so that a `popstate`
 * to a lower one is back and to a higher one forward, in browsers without the Navigation API.
 * An entry without a stamp (the first one, one an in-page anchor added) is stamped as the next.
 */
export function historyIndex(): number {
  const index = (history.state as Record<string, unknown> | null)?.[STAMP];
  if (typeof index === "number") return (last = index);
  nativeReplace?.call(history, stamped(history.state, ++last), "");
  return last;
}

/**
 * The app's state with the position merged in. Only plain objects (and no state) take it: a
 * string, an array or a class instance stays as the app made it, unstamped.
 */
function stamped(state: unknown, index: number): unknown {
  if (state == null) return { [STAMP]: index };
  return Object.getPrototypeOf(state) === Object.prototype ? { ...state, [STAMP]: index } : state;
}
