import type { MoodEvent } from "@sessionmood/engine";
import type { TransportSettings } from "../defaults.js";
import { guard } from "../lib/guard.js";
import { randomId } from "../lib/randomId.js";
import { report } from "../lib/report.js";
import { readStored, writeStored } from "../lib/storage.js";
import { beaconEvents, postEvents } from "./postEvents.js";
import { retryDelay } from "./retryDelay.js";

/** setTimeout's longest delay (~24.8 days); a 429 may pause until next month. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** The first `count` events of the queue, sent at least once under the batch id `id`. */
interface Batch {
  id: string;
  count: number;
}

/** What a page keeps across reloads of the same session. */
interface Saved {
  events?: MoodEvent[];
  batch?: Batch | null;
  pausedUntil?: number;
  /** The server wants no more of this session (full, deleted, or a bot's). */
  ended?: boolean;
}

/** Batches events and delivers them to the server in order; see `createTransport`. */
export interface Transport {
  /** Queues an event; `now` sends without waiting for the batch to fill. */
  add(event: MoodEvent, now?: boolean): void;
  /** Sends everything queued, retrying a failed server at once (not a pause the server asked for). */
  flush(): Promise<void>;
  /** The page is being hidden or left: beacon what is queued, keep the rest for the next page. */
  leave(): void;
  /** Forgets everything queued and stored. */
  clear(): void;
  /** Stops for good: no timer, no request after the one in flight. */
  stop(): void;
  /** Events lost so far: the oldest when the queue overflowed, and events the server refused. */
  readonly dropped: number;
}

/**
 * A queue of at most `maxQueue` events (when full the oldest go, counted and warned about), sent
 * in batches of `batchSize` or after `flushMs` for a smaller one, one request at a time so the
 * server sees events in order. Each batch has an id, repeated by every retry and beacon of it, so
 * the server stores it once however often it arrives. Network errors and 5xx are retried with
 * jittered exponential backoff; a 429 or 503 pauses sending until its `reset_at` or `Retry-After`;
 * a 400 that names bad events drops those and sends the rest; any other refusal drops the batch
 * with a warning. A session the server is done with (`capped`, `ignored`, 410) sends nothing more.
 * The queue and a pause survive reloads in sessionStorage under `storageKey`; `fields` go into
 * every batch.
 */
export function createTransport(
  url: string,
  settings: TransportSettings,
  storageKey: string,
  /** Hears the server's answer to each batch it stored: the mood and the account's policy. */
  onSent: (answer: Record<string, unknown>) => void,
  fields: object = {},
): Transport {
  let queue: MoodEvent[] = [];
  let batch: Batch | null = null;
  let dropped = 0;
  let overflowing = false;
  let blockedUntil = 0;
  let pausedByServer = false;
  let ended = false;
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
  const enqueue = (events: MoodEvent[]) => {
    queue = queue.concat(events);
    const over = queue.length - settings.maxQueue;
    if (over <= 0) return;
    queue.splice(0, over);
    if (batch && (batch.count -= over) <= 0) batch = null;
    if (overflowing) dropped += over;
    else lose(over, "queue full");
    overflowing = true;
  };
  const nextBatch = () => (batch ??= { id: randomId(), count: Math.min(settings.batchSize, queue.length) });
  const bodyOf = (sent: Batch) => ({ ...fields, batch_id: sent.id, events: queue.slice(0, sent.count) });
  /** The server has `sent`: its events leave the queue, unless a beacon took them meanwhile. */
  const settle = (sent: Batch) => {
    if (batch !== sent) return;
    queue.splice(0, sent.count);
    batch = null;
  };
  /** Drops `events` from the queue with a warning that names them and why. */
  const refuse = (events: MoodEvent[], why: string) => {
    queue = queue.filter((event) => !events.includes(event));
    batch = null;
    lose(events.length, `${why}: ${JSON.stringify(events)}`);
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
    while (!ended && (queue.length >= settings.batchSize || (sendAll && queue.length)) && Date.now() >= blockedUntil) {
      const sent = nextBatch();
      const answer = await postEvents(url, bodyOf(sent));
      if (stopped) return;
      const status = answer?.status ?? 0;
      const body = answer?.body ?? {};
      const answered = `server answered ${status} ${JSON.stringify(body)}`;
      if (status === 410 || body.capped || body.ignored) {
        ended = true;
        refuse(queue, answered);
        writeStored(storageKey, { ended } satisfies Saved);
        return;
      }
      if (status >= 200 && status < 300) {
        settle(sent);
        failures = 0;
        pausedByServer = false;
        guard(onSent)(body);
        continue;
      }
      if (status && status < 500 && status !== 429) {
        if (batch === sent) {
          // A 400 may name the bad events (`field` by index, or `invalid` types); the rest go again.
          const at = /^events\[(\d+)\]/.exec(String(body.field))?.[1];
          const events = queue.slice(0, sent.count);
          const named = events.filter((event, i) => (body.invalid as unknown[] | undefined)?.includes(event.type) || String(i) === at);
          refuse(named.length ? named : events, answered);
        }
        continue;
      }
      // No answer, a 5xx or a 429: the batch stays first in the queue, under its id. A quota's
      // `reset_at` or a `Retry-After` is the server's own word for when to come back.
      const until = (status === 429 && timeOf(body.reset_at)) || (answer?.retryAfterMs ?? 0) + Date.now();
      if (until > Date.now()) block(until, true);
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
  ended = !!saved?.ended;
  // Read once: another reader (a reload during a send, a duplicated tab) must not send them again.
  if (!ended) writeStored(storageKey, null);
  if (saved && !ended) {
    enqueue(Array.isArray(saved.events) ? saved.events : []);
    batch = saved.batch ?? null;
    if (saved.pausedUntil! > Date.now()) block(saved.pausedUntil!, true);
    else if (queue.length) wakeIn(0);
  }

  return {
    add(event, now) {
      if (ended) return;
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
      while (!ended && queue.length && Date.now() >= blockedUntil) {
        const sent = nextBatch();
        if (!beaconEvents(url, bodyOf(sent))) break;
        settle(sent);
      }
      const keep = queue.length > 0 || pausedByServer || ended;
      writeStored(
        storageKey,
        keep ? ({ events: queue, batch, pausedUntil: pausedByServer ? blockedUntil : 0, ended } satisfies Saved) : null,
      );
    },
    clear() {
      queue = [];
      batch = null;
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
