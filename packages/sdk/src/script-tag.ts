import { init } from "./init.js";
import { localScoring } from "./localScoring.js";
import { report } from "./lib/report.js";
import type { LocalScorer, Tracker, TrackerOptions } from "./options.js";

/** `init`'s options in the script-tag build, where `localScoring: true` is enough. */
export type ScriptTagOptions = Omit<TrackerOptions, "localScoring"> & {
  localScoring?: boolean | (() => LocalScorer);
};

/** `window.SessionMood`: the npm module's API plus the tracker the script tag started. */
export interface SessionMoodGlobal {
  init(options: ScriptTagOptions): Tracker;
  localScoring: typeof localScoring;
  /** The tracker started from the script tag's `data-*` attributes (or by `init`), if any. */
  tracker: Tracker | null;
}

declare global {
  interface Window {
    SessionMood?: SessionMoodGlobal;
  }
}

const api: SessionMoodGlobal = {
  init(options) {
    const scoring = options.localScoring === true ? localScoring : options.localScoring || undefined;
    return (api.tracker = init({ ...options, localScoring: scoring }));
  },
  localScoring,
  tracker: null,
};

try {
  window.SessionMood = api;
  const script = document.currentScript as HTMLScriptElement | null;
  if (script?.dataset.key) api.init(optionsOf(script));
} catch (error) {
  report(error);
}

/**
 * Options from the script tag: `data-key`, `data-endpoint` (default: where the script came from),
 * `data-session-id`, `data-consent="false"`, `data-local-scoring`, `data-full-urls`,
 * `data-allow-bots`, `data-debug`, `data-off="hover,scroll"` (detectors to switch off) and
 * `data-options` (JSON of any other option).
 */
function optionsOf(script: HTMLScriptElement): ScriptTagOptions {
  const data = script.dataset;
  const flag = (value: string | undefined) => value !== undefined && value !== "false";
  const extra = JSON.parse(data.options || "{}") as Partial<ScriptTagOptions>;
  const detectors = { ...extra.detectors };
  for (const name of (data.off ?? "").split(/[\s,]+/)) {
    if (name) (detectors as Record<string, false>)[name] = false;
  }
  return {
    ...extra,
    key: data.key ?? "",
    endpoint: data.endpoint ?? new URL(script.src, location.href).origin,
    sessionId: data.sessionId ?? extra.sessionId,
    consent: data.consent === undefined ? extra.consent : flag(data.consent),
    localScoring: flag(data.localScoring) || extra.localScoring,
    fullUrls: flag(data.fullUrls) || extra.fullUrls,
    allowBots: flag(data.allowBots) || extra.allowBots,
    debug: flag(data.debug) || extra.debug,
    detectors,
  };
}
