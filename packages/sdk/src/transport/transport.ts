import type { MoodEvent } from "@sessionmood/engine";
import type { TransportSettings } from "../defaults.js";
import { guard } from "../lib/guard.js";
import { report } from "../lib/report.js";
import { readStored, writeStored } from "../lib/storage.js";
import type { CurrentMood } from "../options.js";
import { beaconEvents, postEvents } from "./postEvents.js";
import { retryDelay } from "./retryDelay.js";

/** setTimeout's longest delay (~24.8 days); a 429 may pause until next month. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** What a page keeps across reloads of the same session. */
interface Saved {
  events: MoodEvent[];
  pausedUntil: number;
}

/** Batches events and delivers them to the server in order; see `createTransport`. */
export interface Transport {
  /** Queues an event; `now` sends without waiting for the batch to fill. */
  add(event: MoodEvent, now?: boolean): void;
  /** Sends everything queued, retrying a failed server at once (not a 429 pause). */
  flush(): Promise<void>;
  /** The page is being hidden or left: beacon what is queued, keep the rest for the next page. */
  leave(): void;
  /** Forgets everything queued and stored. */
  clear(): void;
  /** Stops for good: no timer, no request after the one in flight. */
  stop(): void;
  /** Events lost so far: the oldest when the queue overflowed, and batches the server refused. */
  readonly dropped: number;
}

/**
 * A queue of at most `maxQueue` events (when full the oldest go, counted and warned about), sent
 * in batches of `batchSize` or after `flushMs` for a smaller one, one request at a time so the
 * server sees events in order. Network errors and 5xx are retried with jittered exponential
 * backoff (the batch goes back to the front); a 429 pauses sending until its `reset_at`; any
 * other refusal drops the batch with a warning. The queue and a pause survive reloads in
 * sessionStorage under `storageKey`.
 */
export function createTransport(
  url: string,
  settings: TransportSettings,
  storageKey: string,
  onSent: (mood: CurrentMood | null) => void,
): Transport {
  let queue: MoodEvent[] = [];
  let dropped = 0;
  let overflowing = false;
  let blockedUntil = 0;
  let pausedByServer = false;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let draining: Promise<void> | null = null;
  let stopped = false;
  // Whether the running delivery also sends a partial batch (timer, flush) or only full ones.
  let sendAll = false;

  const lose = (count: number, why: string) => {
    dropped += count;
    report(`${count} events dropped: ${why}`, true);
  };
  const enqueue = (events: MoodEvent[], atFront = false) => {
    queue = atFront ? events.concat(queue) : queue.concat(events);
    const over = queue.length - settings.maxQueue;
    if (over <= 0) return;
    queue.splice(0, over);
    if (overflowing) dropped += over;
    else lose(over, `over ${settings.maxQueue} queued, oldest first`);
    overflowing = true;
  };
  const wakeIn = (ms: number) => {
    clearTimeout(timer);
    if (stopped) return;
    timer = setTimeout(
      guard(() => {
        timer = undefined;
        void drain(true);
      }),
      Math.min(ms, MAX_TIMEOUT_MS),
    );
  };
  const block = (until: number, byServer: boolean) => {
    blockedUntil = until;
    pausedByServer = byServer;
    wakeIn(until - Date.now());
  };

  const deliver = async () => {
    while ((queue.length >= settings.batchSize || (sendAll && queue.length)) && Date.now() >= blockedUntil) {
      const batch = queue.splice(0, settings.batchSize);
      const answer = await postEvents(url, batch);
      if (stopped) return;
      const status = answer?.status ?? 0;
      if (status >= 200 && status < 300) {
        failures = 0;
        pausedByServer = false;
        guard(onSent)((answer?.body?.mood as CurrentMood | undefined) ?? null);
        continue;
      }
      const resetAt = status === 429 ? timeOf(answer?.body?.reset_at) : 0;
      if (status && status < 500 && status !== 429) {
        lose(batch.length, `server answered ${status} ${String(answer?.body?.error ?? "")}`);
        continue;
      }
      // No answer, a 5xx, or a quota (a 429 without `reset_at` is a burst limit: retried like a 5xx).
      enqueue(batch, true);
      if (resetAt) block(resetAt, true);
      else block(Date.now() + retryDelay(++failures, settings.retryMs, settings.maxRetryMs), false);
    }
    sendAll = false;
    if (!queue.length) overflowing = false;
    else if (!timer) wakeIn(settings.flushMs);
  };

  function drain(all: boolean): Promise<void> {
    sendAll ||= all;
    if (Date.now() < blockedUntil) return Promise.resolve();
    clearTimeout(timer);
    timer = undefined;
    return (draining ??= deliver()
      .catch(report)
      .finally(() => (draining = null)));
  }

  const saved = readStored<Saved>(storageKey);
  if (saved) {
    enqueue(Array.isArray(saved.events) ? saved.events : []);
    if (saved.pausedUntil > Date.now()) block(saved.pausedUntil, true);
    else if (queue.length) wakeIn(0);
  }

  return {
    add(event, now) {
      enqueue([event]);
      if (now || queue.length >= settings.batchSize) void drain(!!now);
      else if (!timer) wakeIn(settings.flushMs);
    },
    flush() {
      if (!pausedByServer) blockedUntil = 0;
      return drain(true);
    },
    leave() {
      // A failing or pausing server would lose beacons unseen; those events wait for the next page.
      while (queue.length && Date.now() >= blockedUntil) {
        const batch = queue.slice(0, settings.batchSize);
        if (!beaconEvents(url, batch)) break;
        queue.splice(0, batch.length);
      }
      const keep = queue.length > 0 || pausedByServer;
      writeStored(storageKey, keep ? { events: queue, pausedUntil: pausedByServer ? blockedUntil : 0 } : null);
    },
    clear() {
      queue = [];
      writeStored(storageKey, null);
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
    get dropped() {
      return dropped;
    },
  };
}

/** `reset_at` (an ISO date) as epoch ms; 0 if absent or unreadable. */
function timeOf(value: unknown): number {
  return Date.parse(String(value)) || 0;
}
