/** A random UUID, or a shorter random string where `crypto.randomUUID` is missing. */
export function randomId(): string {
  // crypto.randomUUID needs a secure context; plain-http pages still deserve a unique id.
  return globalThis.crypto?.randomUUID?.() ?? Date.now().toString(36) + Math.random().toString(36).slice(2);
}
