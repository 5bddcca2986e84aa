import { init } from "./init.js";
import { localScoring } from "./localScoring.js";
import { guard } from "./lib/guard.js";
import { report } from "./lib/report.js";
import type { LocalScorer, Tracker, TrackerOptions } from "./options.js";

/** `init`'s options in the script-tag build, where `localScoring: true` is enough. */
export type ScriptTagOptions = Omit<TrackerOptions, "localScoring"> & {
  localScoring?: boolean | (() => LocalScorer);
};

/** The tracker's methods `window.SessionMood` takes itself, so the snippet's stub can queue them. */
const FORWARDED = ["track", "onMood", "onUpdate", "setConsent", "flush", "stop"] as const;
type Forwarded = (typeof FORWARDED)[number];

/**
 * `window.SessionMood`: the npm module's API, the tracker the script tag started, and the
 * tracker's methods on it directly (doing nothing until a tracker runs).
 */
export type SessionMoodGlobal = {
  init(options: ScriptTagOptions): Tracker;
  localScoring: typeof localScoring;
  /** The tracker started from the script tag's `data-*` attributes (or by `init`), if any. */
  tracker: Tracker | null;
} & { [M in Forwarded]: (...args: Parameters<Tracker[M]>) => void };

/** What the README's inline stub leaves behind before the SDK arrives: the calls it queued. */
type Stub = { q?: [string, ArrayLike<unknown>][] };

declare global {
  interface Window {
    SessionMood?: SessionMoodGlobal;
  }
}

const api = {
  init(options: ScriptTagOptions) {
    const scoring = options.localScoring === true ? localScoring : options.localScoring || undefined;
    return (api.tracker = init({ ...options, localScoring: scoring }));
  },
  localScoring,
  tracker: null,
} as SessionMoodGlobal;
for (const name of FORWARDED) {
  (api as Record<Forwarded, unknown>)[name] = (...args: never[]) => void (api.tracker?.[name] as (...a: never[]) => unknown)?.(...args);
}

try {
  const queued = (window.SessionMood as Stub | undefined)?.q ?? [];
  window.SessionMood = api;
  const script = document.currentScript as HTMLScriptElement | null;
  if (script?.dataset.key) api.init(optionsOf(script));
  // Calls the page made before the SDK arrived, in order.
  const methods = api as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const [name, args] of queued) if (methods[name]) guard(methods[name])(...Array.from(args));
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
