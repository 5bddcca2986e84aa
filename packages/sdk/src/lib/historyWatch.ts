import { guard } from "./guard.js";

const listeners = new Set<() => void>();
let wrapped = false;

/**
 * Calls `listener` after every `history.pushState`/`replaceState` of the page; returns what
 * unsubscribes it. Both methods are wrapped once, on first use, and left in place: unwrapping
 * would break any script that wrapped them on top of ours, and without listeners the wrapper
 * only passes the call through.
 */
export function watchHistory(listener: () => void): () => void {
  if (!wrapped) {
    wrapped = true;
    for (const name of ["pushState", "replaceState"] as const) {
      const method = history[name];
      history[name] = function (this: History, ...args: Parameters<History["pushState"]>) {
        method.apply(this, args);
        for (const notify of listeners) guard(notify)();
      };
    }
  }
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
