/**
 * The URL as sent to the server: by default without query string and hash, which often hold
 * emails, tokens or search terms. A hash route (`#/cart`, `#!/cart`) is kept, minus its own query,
 * because it is the page itself in hash-routed apps.
 */
export function cleanUrl(href: string, full = false): string {
  if (full) return href;
  try {
    const url = new URL(href, globalThis.location?.href);
    return url.origin + url.pathname + hashRoute(url.hash);
  } catch {
    return stripQueryStrings(href);
  }
}

/** The route part of a hash-routed URL's hash, or "" for a plain in-page anchor. */
export function hashRoute(hash: string): string {
  return /^#!?\/[^?#]*/.exec(hash)?.[0] ?? "";
}

/** `text` with the query string and hash of every URL in it removed. */
export function stripQueryStrings(text: string): string {
  return text.replace(/(\b[a-z][\w+.-]*:\/\/[^\s?#"'<>]*)[?#][^\s"'<>]*/gi, "$1");
}
