/** The server's numbers: bounds on what a request may carry, and timings, each with its reason. */
export const LIMITS = {
  /** The browsers' limit for a beacon or keepalive body, far above the SDK's batches. */
  BODY_BYTES: 64 * 1024,
  /** The SDK flushes far smaller batches; more than this is a client that never flushes. */
  EVENTS_PER_BATCH: 200,
  /** Session ids are opaque tokens or UUIDs, as in the contract. */
  SESSION_ID_CHARS: 256,
  /** A client's batch id, as in the contract: room for a UUID and a prefix. */
  BATCH_ID_CHARS: 64,
  /** An error message a visitor saw, as in the contract. */
  MESSAGE_CHARS: 512,
  /** Long enough for real page URLs, which browsers cap at about this size in practice. */
  URL_CHARS: 2048,
  /** Feedback fields, as in the contract. */
  ACTION_TAKEN_CHARS: 128,
  NOTES_CHARS: 512,
  /** Account names and contact addresses are short human text. */
  CUSTOMER_NAME_CHARS: 200,
  EMAIL_CHARS: 320,
  /** An account restricts its pages to a handful of sites. */
  ALLOWED_ORIGINS: 50,
  /** Unix seconds up to the year 9999; a millisecond timestamp sent by mistake is beyond it. */
  TS_MAX_SECONDS: 253_402_300_799,
  /** Browsers cache a preflight for this long (s), so a page pays for it once. */
  PREFLIGHT_MAX_AGE_S: 600,
  /** The SDK bundle may change on redeploy; clients revalidate with its ETag after this (s). */
  SDK_MAX_AGE_S: 300,
  /** Live keys remembered between requests: every request presents one, few accounts are busy at once. */
  CACHED_KEYS: 10_000,
  /**
   * How long (ms) a remembered key is trusted before it is looked up again: the longest a key
   * revoked by another server process on the same database keeps working here.
   */
  KEY_CACHE_TTL_MS: 2_000,
  /**
   * Requests per minute one key may make from one client address to the events endpoint. A real
   * visitor sends a batch every few seconds at most (~20 a minute); this leaves room for dozens of
   * visitors behind one office or mobile-carrier address.
   */
  RATE_LIMIT_PER_MINUTE: 1_200,
  /** Clients the burst limiters track at once; past it, clients that have calmed down are forgotten. */
  RATE_LIMIT_CLIENTS: 100_000,
  /** Failed admin-token attempts a minute from one address before it is refused: no guessing at speed. */
  ADMIN_FAILURES_PER_MINUTE: 10,
  /** A rotated-out key keeps working this long (s) by default: a day to roll the new one out. */
  KEY_GRACE_DEFAULT_S: 24 * 60 * 60,
  /** …and at most a month: an old key must not live on unnoticed. */
  KEY_GRACE_MAX_S: 30 * 24 * 60 * 60,
  /** An admin token shorter than this is guessable; the server refuses to start with one. */
  ADMIN_TOKEN_MIN_CHARS: 24,
  /** A real session sends a few hundred events; this bounds what one scripted session can cost. */
  MAX_SESSION_EVENTS: 10_000,
  /** Client clocks run a little fast; a batch further ahead than this (s) is moved back to now. */
  FUTURE_TOLERANCE_S: 300,
  /** Sessions re-scored per transaction after an engine upgrade: a few ms of work each, in short steps. */
  RESCORE_CHUNK_SESSIONS: 100,
  /** Seconds a client is asked to wait when the server sheds load (503). */
  BUSY_RETRY_AFTER_S: 1,
  /** On shutdown, requests under way get this long (ms) before their connections are cut. */
  SHUTDOWN_GRACE_MS: 10_000,
  /**
   * How often (ms) a background thread copies the SQLite write-ahead log into the database
   * file. Often enough to keep the log a few MB; the copy and its fsync stay off the request path.
   */
  WAL_CHECKPOINT_MS: 250,
  /**
   * Batches waiting for one commit at most: a commit takes milliseconds, so more than this means
   * the disk is not keeping up, and refusing (503) keeps memory bounded under a flood.
   */
  MAX_QUEUED_BATCHES: 2_000,
  /**
   * Rows one retention purge transaction deletes: about 1 ms of work on an idle core, so even on a
   * loaded machine requests never wait more than a few ms behind it (bench/purge.js).
   */
  PURGE_CHUNK_ROWS: 100,
  /** Fewer rated outcomes than this cannot tell one action's helpful rate from another's. */
  MIN_FEEDBACK_FLOOR: 5,
  MIN_FEEDBACK_CEILING: 100_000,
  /** An alert window longer than a week would hide the spikes it is for. */
  ALERT_WINDOW_HOURS_MAX: 168,
  /** The longest retention any plan has. */
  ALERT_BASELINE_DAYS_MAX: 90,
  /** Below this many sessions a share is noise, whatever an account asks for. */
  ALERT_MIN_SESSIONS_FLOOR: 10,
  /** How often (ms) alerts of accounts with recent activity are evaluated in the background. */
  ALERT_EVALUATION_MS: 60_000,
  /** An analytics range longer than a year reaches past every plan's retention. */
  RANGE_DAYS_MAX: 366,
  /** Trend buckets one request may ask for. */
  TREND_BUCKETS_MAX: 1_000,
  /** Pages one request may list. */
  PAGES_MAX: 100,
  /** A webhook receiver answers within this (ms) or the attempt counts as failed. */
  WEBHOOK_TIMEOUT_MS: 10_000,
  /** Deliveries under way at once, and per account: a dead receiver holds up only its own account's. */
  WEBHOOK_CONCURRENCY: 16,
  WEBHOOK_CONCURRENCY_PER_ACCOUNT: 2,
  /** How often (ms) the outbox is checked for due deliveries (a stored change also wakes it). */
  WEBHOOK_POLL_MS: 1_000,
  /** Retry delays (s) after each failed attempt, then every `WEBHOOK_RETRY_EVERY_S` until a day has passed. */
  WEBHOOK_RETRY_DELAYS_S: [5, 30, 120, 600, 3600],
  WEBHOOK_RETRY_EVERY_S: 3 * 3600,
  WEBHOOK_GIVE_UP_S: 24 * 3600,
  /** Deliveries listed by one request. */
  WEBHOOK_DELIVERIES_LISTED: 100,
  /** A stream token lives 5 minutes unless asked otherwise, an hour at most. */
  STREAM_TOKEN_TTL_S: 300,
  STREAM_TOKEN_MAX_TTL_S: 3600,
  /** Open streams per account: a dashboard or two and a few integrations. */
  STREAMS_PER_ACCOUNT: 50,
  /** A comment line this often (ms) keeps proxies from closing an idle stream. */
  STREAM_HEARTBEAT_MS: 15_000,
  /** A stream whose client lets this many bytes pile up unread is dropped, not buffered without end. */
  STREAM_BUFFER_BYTES: 256 * 1024,
  /** Mood changes read from the history per step when a stream resumes. */
  STREAM_REPLAY_PAGE: 500,
  /** Live sessions one request may list. */
  ACTIVE_SESSIONS_MAX: 200,
} as const;
