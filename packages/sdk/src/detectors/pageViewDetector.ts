import type { DetectorSettings } from "../defaults.js";
import { cleanUrl, hashRoute } from "../lib/cleanUrl.js";
import { historyIndex, watchHistory } from "../lib/historyWatch.js";
import { listen } from "../lib/listen.js";
import type { Detector } from "./detector.js";

/**
 * Reports `page_view` on load and on every route change of a single-page app (`pushState`,
 * `replaceState`, `popstate`, hash routes), and `back_nav` when the visitor goes back: within
 * the app (told from forward by the position stamped in each history entry's state), or to this
 * page from the next one.
 */
export const pageViewDetector: Detector<DetectorSettings["pageView"]> = (_settings, { emit, fullUrls }) => {
  const stopWatching = watchHistory(() => changed());
  let route = currentRoute();
  let index = historyIndex();

  const viewed = () => emit({ type: "page_view", url: cleanUrl(location.href, fullUrls) });
  const wentBack = () => emit({ type: "back_nav" });

  const changed = () => {
    const next = currentRoute();
    const previousIndex = index;
    index = historyIndex();
    if (next === route) return;
    route = next;
    if (index < previousIndex) wentBack();
    viewed();
  };

  viewed();
  if (arrivedByHistory()) wentBack();
  return [
    stopWatching,
    listen(window, "popstate", changed),
    listen(window, "hashchange", changed),
    // Restored from the back/forward cache: no load, so no page view unless this tells it.
    listen<PageTransitionEvent>(window, "pageshow", (event) => event.persisted && (viewed(), wentBack())),
  ];
};

/** What tells the current route from others: path and hash route, not query or in-page anchors. */
function currentRoute(): string {
  return location.pathname + hashRoute(location.hash);
}

/** This page was reached with the back (or forward) button. */
function arrivedByHistory(): boolean {
  const entry = performance.getEntriesByType?.("navigation")[0] as PerformanceNavigationTiming | undefined;
  return entry?.type === "back_forward";
}
