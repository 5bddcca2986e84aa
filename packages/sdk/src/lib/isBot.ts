/**
 * Whether the page runs in a crawler or an automated browser (`navigator.webdriver`), whose
 * visits are no visitor's mood. The pattern is isbot's `isbotNaive`: a handful of words that
 * catch most crawlers in a few bytes; the server checks the full list.
 */
export function isBot(): boolean {
  return !!navigator.webdriver || /bot|crawl|http|lighthouse|scan|search|spider/i.test(navigator.userAgent);
}
