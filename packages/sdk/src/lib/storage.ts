// sessionStorage throws when disabled (privacy modes, sandboxed frames) or full: then the SDK
// simply keeps nothing across reloads.

/** The JSON value stored under `key` in sessionStorage, or null. */
export function readStored<T>(key: string): T | null {
  try {
    // A missing key gives null, which JSON.parse returns as it is.
    return JSON.parse(sessionStorage.getItem(key) as string) as T | null;
  } catch {
    return null;
  }
}

/** Stores `value` as JSON under `key` in sessionStorage; `null` removes it. */
export function writeStored(key: string, value: unknown): void {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Nothing kept; the session still works within this page.
  }
}
