import { isbotNaive } from "isbot";

/**
 * Whether the page runs in a crawler or an automated browser (`navigator.webdriver`), whose
 * visits are no visitor's mood. isbot's naive check is a handful of words that catch most
 * crawlers in a few bytes; the server checks isbot's full list.
 */
export function isBot(): boolean {
  return !!navigator.webdriver || isbotNaive(navigator.userAgent);
}
