import { isEventType, type ActionPolicy, type EventType, type MoodEvent } from "@sessionmood/engine";
import { DEFAULTS, type DetectorSettings } from "./defaults.js";
import { clickDetector } from "./detectors/clickDetector.js";
import type { Detector, DetectorContext } from "./detectors/detector.js";
import { errorDetector } from "./detectors/errorDetector.js";
import { focusDetector } from "./detectors/focusDetector.js";
import { hoverDetector } from "./detectors/hoverDetector.js";
import { idleDetector } from "./detectors/idleDetector.js";
import { inputPauseDetector } from "./detectors/inputPauseDetector.js";
import { pageViewDetector } from "./detectors/pageViewDetector.js";
import { rageClickDetector } from "./detectors/rageClickDetector.js";
import { scrollDetector } from "./detectors/scrollDetector.js";
import { nowSeconds } from "./lib/clock.js";
import { guard } from "./lib/guard.js";
import { listen } from "./lib/listen.js";
import { report, setDebug } from "./lib/report.js";
import { isBot } from "./lib/isBot.js";
import { forgetSessionId, keepSessionId, sessionIdFor } from "./lib/sessionId.js";
import { readStored, writeStored } from "./lib/storage.js";
import type { CurrentMood, EventFields, LocalScorer, Tracker, TrackerOptions } from "./options.js";
import { createTransport, type Transport } from "./transport/transport.js";

const DETECTORS: { [D in keyof DetectorSettings]: Detector<DetectorSettings[D]> } = {
  pageView: pageViewDetector,
  click: clickDetector,
  rageClick: rageClickDetector,
  scroll: scrollDetector,
  idle: idleDetector,
  error: errorDetector,
  hover: hoverDetector,
  inputPause: inputPauseDetector,
  focus: focusDetector,
};

function subscribe<T>(listeners: Set<T>, callback: T): () => void {
  listeners.add(callback);
  return () => void listeners.delete(callback);
}

/**
 * Starts tracking the visit and returns its tracker. Never throws: with bad options, outside a
 * browser, or in a crawler or automated browser (unless `allowBots`) it warns and returns a
 * tracker that records nothing.
 */
export function init(options: TrackerOptions): Tracker {
  setDebug(!!options.debug);
  const endpoint = (options.endpoint || "").replace(/\/+$/, "");
  const usable = typeof document !== "undefined" && !!options.key && !!endpoint && (!!options.allowBots || !isBot());
  if (!usable) report("not tracking: no key, endpoint or page, or a bot", true);
  let consent = options.consent !== false;
  const sessionId = sessionIdFor(options.sessionId);
  const url = `${endpoint}/v1/sessions/${encodeURIComponent(sessionId)}/events?key=${encodeURIComponent(options.key)}`;
  const queueKey = "sm:queue:" + sessionId;
  const scoreKey = "sm:score:" + sessionId;
  const moodListeners = new Set<(mood: CurrentMood) => void>();
  const updateListeners = new Set<(mood: CurrentMood) => void>();
  let mood: CurrentMood | null = null;
  let policy: ActionPolicy | undefined;
  let scorer: LocalScorer | null = null;
  let transport: Transport | null = null;
  let stops: Array<() => void> = [];

  const setMood = (next: CurrentMood) => {
    const changed = next.mood !== mood?.mood || next.suggested_action !== mood.suggested_action;
    mood = next;
    for (const listener of updateListeners) guard(listener)(next);
    if (changed) for (const listener of moodListeners) guard(listener)(next);
  };
  const emit = (event: MoodEvent) => {
    if (!transport) return;
    const stamped = { ...event, ts: event.ts ?? nowSeconds() };
    if (scorer) setMood(scorer.score(stamped, policy));
    // An idle visitor adds nothing that would fill the batch; the server should know now.
    transport.add(stamped, stamped.type === "idle");
  };
  const leave = () => {
    transport?.leave();
    if (scorer && transport) writeStored(scoreKey, scorer.save());
  };

  const start = () => {
    if (transport || !consent || !usable) return;
    if (!options.sessionId) keepSessionId(sessionId);
    scorer = options.localScoring?.() ?? null;
    scorer?.restore(readStored(scoreKey));
    transport = createTransport(
      url,
      { ...DEFAULTS.transport, ...options.transport },
      queueKey,
      (answer) => {
        policy = (answer.policy as ActionPolicy | undefined) ?? policy;
        if (answer.mood && !scorer) setMood(answer.mood as CurrentMood);
      },
      // The server checks the User-Agent against a far longer list of bots than the SDK carries.
      options.allowBots ? { allow_bots: true } : {},
    );
    stops = [
      listen(document, "visibilitychange", () => document.visibilityState === "hidden" && leave()),
      listen(window, "pagehide", leave),
      listen(window, "online", () => void transport?.flush()),
    ];
    const context: DetectorContext = { emit, fullUrls: !!options.fullUrls };
    for (const name of Object.keys(DETECTORS) as Array<keyof DetectorSettings>) {
      const overrides = options.detectors?.[name];
      if (overrides === false) continue;
      const detector = DETECTORS[name] as Detector<object>;
      stops.push(...(guard(detector)({ ...DEFAULTS[name], ...overrides }, context) ?? []));
    }
  };
  const halt = () => {
    for (const stop of stops) guard(stop)();
    stops = [];
    transport?.stop();
    transport = null;
  };

  guard(start)();

  return {
    sessionId,
    get droppedEvents() {
      return transport?.dropped ?? 0;
    },
    // Warned about where the mistake is made, not later as events the server refused.
    track: guard((type: EventType, fields?: EventFields) =>
      isEventType(type) ? emit({ ...fields, type }) : report(`unknown event type ${type}`, true),
    ),
    async flush() {
      await transport?.flush();
    },
    onMood: (callback) => subscribe(moodListeners, callback),
    onUpdate: (callback) => subscribe(updateListeners, callback),
    getMood: () => mood,
    setConsent: guard((granted: boolean) => {
      consent = granted;
      if (granted) return start();
      transport?.clear();
      halt();
      writeStored(scoreKey, null);
      forgetSessionId();
      mood = null;
    }),
    stop: guard(() => {
      leave();
      halt();
    }),
  };
}
