/** The server's numbers: bounds on what a request may carry, and timings, each with its reason. */
export const LIMITS = {
  /** A full batch of long events fits; a runaway client does not fill memory. */
  BODY_BYTES: 512 * 1024,
  /** The SDK flushes far smaller batches; more than this is a client that never flushes. */
  EVENTS_PER_BATCH: 200,
  /** Session ids are opaque tokens or UUIDs, as in the contract. */
  SESSION_ID_CHARS: 256,
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
} as const;
