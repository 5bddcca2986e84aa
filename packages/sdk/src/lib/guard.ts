import { report } from "./report.js";

/**
 * Wraps `fn` so that nothing it throws reaches the caller: every listener, timer and observer
 * the SDK registers runs through this, because an analytics script must never break its page.
 */
export function guard<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R | undefined {
  return (...args) => {
    try {
      return fn(...args);
    } catch (error) {
      report(error);
      return undefined;
    }
  };
}
