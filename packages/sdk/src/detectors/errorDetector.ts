import type { DetectorSettings } from "../defaults.js";
import { cleanUrl, scrub } from "../lib/cleanUrl.js";
import { listen } from "../lib/listen.js";
import { watchRequests } from "../lib/requestWatch.js";
import type { Detector } from "./detector.js";

/**
 * Reports `error` for uncaught errors, unhandled promise rejections and, with `requests`, page
 * requests to `origins` that failed (no answer or a 5xx): only failures the visitor can see.
 * Not errors: requests elsewhere (refused by an ad blocker, trackers, widgets), and a
 * cross-origin script's muted "Script error." (no file, no line: a third party's, and nothing
 * we could act on). Only a message is sent — scrubbed of query strings, emails, ids and tokens
 * (`scrub`), then cut to `maxLength` — and the same message again within `repeatMs` is not sent
 * twice (an error in a loop or a polling request that keeps failing is one problem).
 */
export const errorDetector: Detector<DetectorSettings["error"]> = (settings, { emit }) => {
  let last = { message: "", at: 0 };

  const report = (raw: string) => {
    const message = scrub(raw).slice(0, settings.maxLength);
    const at = Date.now();
    if (message === last.message && at - last.at < settings.repeatMs) return;
    last = { message, at };
    emit({ type: "error", message });
  };

  return [
    // Bubbling only: resource load errors (a broken image) do not bubble and are not script errors.
    listen<ErrorEvent>(window, "error", (event) => (event.filename || event.lineno) && report(event.message), false),
    listen<PromiseRejectionEvent>(window, "unhandledrejection", (event) => report(reasonOf(event.reason))),
    settings.requests
      ? watchRequests((notice) => {
          if (
            notice.phase === "end" &&
            !(notice.status > 0 && notice.status < 500) &&
            settings.origins.includes(new URL(notice.url, location.href).origin)
          ) {
            report(`${notice.method} ${cleanUrl(notice.url)} ${notice.status || "network error"}`);
          }
        })
      : () => {},
  ];
};

function reasonOf(reason: unknown): string {
  return typeof reason === "string" ? reason : (reason as Error | null)?.message || "Unhandled rejection";
}
