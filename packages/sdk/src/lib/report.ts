let debugging = false;

/** Turns debug logging of swallowed errors on or off (the `debug` option). */
export function setDebug(on: boolean): void {
  debugging = on;
}

/**
 * Logs to the console: errors the SDK swallowed only in debug mode (the host page's console is
 * not ours), lost events always (`loud`), because losing data must never be silent.
 */
export function report(problem: unknown, loud = false): void {
  if (debugging || loud) console.warn("[sessionmood]", problem);
}
