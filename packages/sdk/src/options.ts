import type { ActionPolicy, EventType, MoodEvent, MoodResult } from "@sessionmood/engine";
import type { DetectorSettings, TransportSettings } from "./defaults.js";

/**
 * The mood of the session as the server reports it, with whether its action is the mood's default
 * or one the account learned from feedback (local scoring adds `scores` instead).
 */
export type CurrentMood = Pick<MoodResult, "mood" | "confidence" | "signals" | "suggested_action"> &
  Partial<Pick<MoodResult, "scores">> & { action_source?: "default" | "learned" };

/** Scores the session in the page; made by `localScoring` and passed to `init`. */
export interface LocalScorer {
  /** The session's mood after one more event; `policy` is the account's action per mood, as the server last said. */
  score(event: MoodEvent, policy?: ActionPolicy): MoodResult;
  /** The scoring state, JSON-serialisable, kept so scoring continues across a reload. */
  save(): unknown;
  /** Continues from a state `save` returned earlier in the session. */
  restore(saved: unknown): void;
}

/** What `init` accepts. Only `key` and `endpoint` are required. */
export interface TrackerOptions {
  /** The account's publishable key (`pk_…`); it is visible in page source by design. */
  key: string;
  /** The SessionMood server's base URL, e.g. `https://mood.example.com`. */
  endpoint: string;
  /** Use this session id instead of a random one kept in sessionStorage. */
  sessionId?: string;
  /** `false` starts without consent: nothing is recorded or stored until `setConsent(true)`. */
  consent?: boolean;
  /** Pass `localScoring` to score in the page: `onMood` then fires after every event. */
  localScoring?: () => LocalScorer;
  /**
   * Send page URLs as they are: with query string and hash, and with ids, emails and tokens in the
   * path (by default these are left out or replaced by `:id`, `:uuid`, `:email`, `:token`).
   */
  fullUrls?: boolean;
  /** Track crawlers and automated browsers too, e.g. the site's own end-to-end tests. */
  allowBots?: boolean;
  /** Log errors the SDK swallowed to the console. */
  debug?: boolean;
  /** Per detector: `false` switches it off, an object overrides some of its thresholds. */
  detectors?: { [D in keyof DetectorSettings]?: false | Partial<DetectorSettings[D]> };
  /** Overrides of the batching, retry and queue limits. */
  transport?: Partial<TransportSettings>;
}

/** The fields of an event other than its type; `ts` defaults to now. */
export type EventFields = Omit<MoodEvent, "type">;

/** A running SessionMood tracker, as returned by `init`. */
export interface Tracker {
  /** The id the session's events are sent under. */
  readonly sessionId: string;
  /** Events lost because the queue overflowed or the server refused them; each loss is also warned about. */
  readonly droppedEvents: number;
  /** Records an event the detectors cannot see, e.g. `track("error", { message: "Payment declined" })`. */
  track(type: EventType, fields?: EventFields): void;
  /** Sends everything queued now; resolves when done or when the server cannot take it yet. */
  flush(): Promise<void>;
  /**
   * Calls `callback` when the mood or its suggested action changes (not for every event that
   * leaves them as they were); returns what unsubscribes it.
   */
  onMood(callback: (mood: CurrentMood) => void): () => void;
  /** Calls `callback` with every update of the mood, changed or not; returns what unsubscribes it. */
  onUpdate(callback: (mood: CurrentMood) => void): () => void;
  /** The latest mood, or null before the first one arrived. */
  getMood(): CurrentMood | null;
  /** Starts tracking (`true`) or stops it and clears everything queued and stored (`false`). */
  setConsent(granted: boolean): void;
  /**
   * Sends what is queued and removes every listener and timer the SDK added. The history, fetch
   * and XHR wrappers stay, passing calls straight through (unwrapping could break scripts that
   * wrapped them since).
   */
  stop(): void;
}
