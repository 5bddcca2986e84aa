/**
 * The URL as sent to the server: by default without query string and hash, which often hold
 * emails, tokens or search terms, and with secret-looking path segments replaced (see `scrub`).
 * A hash route (`#/cart`, `#!/cart`) is kept, minus its own query, because it is the page itself
 * in hash-routed apps. `full` sends the address exactly as it is.
 */
export function cleanUrl(href: string, full = false): string {
  if (full) return href;
  try {
    const url = new URL(href, globalThis.location?.href);
    return url.origin + scrub(url.pathname + hashRoute(url.hash));
  } catch {
    return scrub(href);
  }
}

/** The route part of a hash-routed URL's hash, or "" for a plain in-page anchor. */
export function hashRoute(hash: string): string {
  return /^#!?\/[^?#]*/.exec(hash)?.[0] ?? "";
}

/**
 * `text` (a path or an error message) with the query string and hash of every URL in it removed,
 * and what looks like a personal or secret value replaced by a placeholder, so that pages still
 * group: emails `:email`, UUIDs `:uuid`, runs of 16+ letters and digits or hex `:token`, numeric
 * path segments `:id` — except years and numbers under 100 (`/blog/2024/05/`), which are dates
 * and page numbers far more often than anyone's id.
 */
export function scrub(text: string): string {
  return text
    .replace(/(\b[a-z][\w+.-]*:\/\/[^\s?#"'<>]*)[?#][^\s"'<>]*/gi, "$1")
    .replace(/[\w.+-]+(@|%40)[\w-]+(\.[\w-]+)+/g, ":email")
    .replace(/[\da-f]{8}(-[\da-f]{4}){3}-[\da-f]{12}/gi, ":uuid")
    .replace(/[a-z\d]{16,}/gi, (run) => (/\d|^[a-f]+$/i.test(run) ? ":token" : run))
    .replace(/\/(\d{3,})(?=[/?#\s]|$)/g, (segment, digits: string) =>
      /^(19|20)\d\d$/.test(digits) ? segment : "/:id",
    );
}
