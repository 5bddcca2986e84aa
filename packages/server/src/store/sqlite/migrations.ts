import type { Database } from "better-sqlite3";

/**
 * The schema, one step per version, applied in order at start-up. Released steps never change;
 * a new version is a new step at the end.
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT,
    plan TEXT NOT NULL,
    allowed_origins TEXT,
    is_demo INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE api_keys (
    key_hash BLOB PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id),
    kind TEXT NOT NULL CHECK (kind IN ('secret', 'publishable')),
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
  ) WITHOUT ROWID;
  CREATE TABLE sessions (
    pk INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id),
    session_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    event_count INTEGER NOT NULL,
    mood TEXT NOT NULL,
    state TEXT NOT NULL,
    UNIQUE (account_id, session_id)
  );
  CREATE INDEX sessions_by_account_mood ON sessions (account_id, mood);
  CREATE INDEX sessions_by_update ON sessions (updated_at);
  -- A batch is stored as it arrived, a JSON array of complete events: one row per request
  -- costs a fraction of one row per event, and nothing reads events one by one.
  CREATE TABLE event_batches (
    id INTEGER PRIMARY KEY,
    session_pk INTEGER NOT NULL,
    first_seq INTEGER NOT NULL,
    received_at INTEGER NOT NULL,
    events TEXT NOT NULL
  );
  CREATE INDEX event_batches_by_session ON event_batches (session_pk);
  CREATE TABLE feedback (
    id INTEGER PRIMARY KEY,
    session_pk INTEGER NOT NULL,
    action_taken TEXT NOT NULL,
    was_helpful INTEGER,
    notes TEXT,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX feedback_by_session ON feedback (session_pk);
  CREATE TABLE monthly_usage (
    account_id INTEGER NOT NULL,
    month TEXT NOT NULL,
    new_sessions INTEGER NOT NULL,
    PRIMARY KEY (account_id, month)
  ) WITHOUT ROWID;
  `,
  // Key expiry, per-account retention, batch ids, event times for retention by event age, the
  // event cap, and deletion markers. event_batches is rebuilt: SQLite adds a NOT NULL column only
  // with a default, and its account lets the purge seek one account's expired batches directly.
  `
  ALTER TABLE api_keys ADD COLUMN expires_at INTEGER;
  ALTER TABLE accounts ADD COLUMN retention_days INTEGER;
  ALTER TABLE sessions ADD COLUMN capped INTEGER NOT NULL DEFAULT 0;
  CREATE TABLE event_batches_v2 (
    id INTEGER PRIMARY KEY,
    session_pk INTEGER NOT NULL,
    account_id INTEGER NOT NULL,
    batch_id TEXT,
    first_seq INTEGER NOT NULL,
    received_at INTEGER NOT NULL,
    first_at INTEGER NOT NULL,
    last_at INTEGER NOT NULL,
    events TEXT NOT NULL
  );
  INSERT INTO event_batches_v2 (id, session_pk, account_id, first_seq, received_at, first_at, last_at, events)
    SELECT b.id, b.session_pk, s.account_id, b.first_seq, b.received_at, b.received_at, b.received_at, b.events
    FROM event_batches b JOIN sessions s ON s.pk = b.session_pk;
  DROP TABLE event_batches;
  ALTER TABLE event_batches_v2 RENAME TO event_batches;
  -- One index finds a session's batches and a batch by its id: SQLite's unique indexes allow any
  -- number of NULLs, so batches without an id need no index of their own.
  CREATE UNIQUE INDEX event_batches_by_session ON event_batches (session_pk, batch_id);
  CREATE INDEX event_batches_by_account_age ON event_batches (account_id, last_at);
  -- Retention goes by the events' age now; an index updated on every batch for nothing.
  DROP INDEX sessions_by_update;
  -- Sessions whose events were all purged, found without reading the others.
  CREATE INDEX sessions_emptied ON sessions (pk) WHERE event_count = 0;
  CREATE TABLE deleted_sessions (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL,
    session_id TEXT NOT NULL,
    deleted_at INTEGER NOT NULL,
    UNIQUE (account_id, session_id)
  );
  CREATE INDEX deleted_sessions_by_age ON deleted_sessions (deleted_at);
  `,
  // Insight: mood history and the rollups analytics read, feedback with its mood, per-account
  // settings and learned policy, alerts, and the current publishable key for the install snippet.
  `
  ALTER TABLE sessions ADD COLUMN page TEXT;
  ALTER TABLE accounts ADD COLUMN settings TEXT;
  ALTER TABLE accounts ADD COLUMN policy TEXT;
  ALTER TABLE api_keys ADD COLUMN publishable_key TEXT;
  ALTER TABLE feedback ADD COLUMN account_id INTEGER;
  ALTER TABLE feedback ADD COLUMN mood TEXT;
  UPDATE feedback SET
    account_id = (SELECT account_id FROM sessions WHERE pk = feedback.session_pk),
    mood = (SELECT mood FROM sessions WHERE pk = feedback.session_pk);
  CREATE INDEX feedback_by_account ON feedback (account_id, mood, action_taken);
  CREATE TABLE mood_changes (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL,
    session_pk INTEGER NOT NULL,
    at INTEGER NOT NULL,
    from_mood TEXT NOT NULL,
    to_mood TEXT NOT NULL,
    confidence REAL NOT NULL,
    signals TEXT NOT NULL,
    page TEXT
  );
  CREATE INDEX mood_changes_by_session ON mood_changes (session_pk, at);
  CREATE INDEX mood_changes_by_account ON mood_changes (account_id, at);
  -- One row per session and quarter hour it was active in; the index covers the trend's reads.
  CREATE TABLE session_activity (
    session_pk INTEGER NOT NULL,
    slot INTEGER NOT NULL,
    account_id INTEGER NOT NULL,
    last_at INTEGER NOT NULL,
    mood TEXT NOT NULL,
    PRIMARY KEY (session_pk, slot)
  ) WITHOUT ROWID;
  CREATE INDEX session_activity_by_account ON session_activity (account_id, slot, mood);
  CREATE TABLE page_visits (
    session_pk INTEGER NOT NULL,
    path TEXT NOT NULL,
    account_id INTEGER NOT NULL,
    first_at INTEGER NOT NULL,
    last_at INTEGER NOT NULL,
    frustrated INTEGER NOT NULL,
    confused INTEGER NOT NULL,
    signals TEXT NOT NULL,
    PRIMARY KEY (session_pk, path)
  ) WITHOUT ROWID;
  CREATE INDEX page_visits_by_account ON page_visits (account_id, last_at);
  -- The few visits that turned frustrated or confused, for a page's top signals.
  CREATE INDEX page_visits_struggling ON page_visits (account_id, path, first_at)
    WHERE frustrated = 1 OR confused = 1;
  -- Per page and hour of first view: a session on a page counts once, in the hour it first saw
  -- it, so a range's pages are a sum over a few thousand rows, not a scan of every visit.
  CREATE TABLE page_hours (
    account_id INTEGER NOT NULL,
    hour INTEGER NOT NULL,
    path TEXT NOT NULL,
    sessions INTEGER NOT NULL,
    frustrated INTEGER NOT NULL,
    confused INTEGER NOT NULL,
    struggling INTEGER NOT NULL,
    PRIMARY KEY (account_id, hour, path)
  ) WITHOUT ROWID;
  CREATE TABLE alerts (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL,
    type TEXT NOT NULL,
    page TEXT,
    status TEXT NOT NULL CHECK (status IN ('active', 'dismissed', 'resolved')),
    -- Set when the condition stopped holding; a dismissed episode keeps its status.
    ended_at INTEGER,
    started_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    value REAL NOT NULL,
    baseline REAL NOT NULL,
    sessions INTEGER NOT NULL,
    message TEXT NOT NULL
  );
  CREATE INDEX alerts_by_account ON alerts (account_id, ended_at);
  `,
  // Live: the webhook signing secret, the durable outbox of deliveries, stream tokens, and mood
  // changes by id for streams resuming from Last-Event-ID.
  `
  ALTER TABLE accounts ADD COLUMN webhook_secret TEXT;
  CREATE TABLE webhook_deliveries (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL,
    webhook_id TEXT NOT NULL UNIQUE,
    event TEXT NOT NULL,
    payload TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_status_code INTEGER,
    last_error TEXT,
    created_at INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL,
    -- While a process delivers it, no other takes it; after a crash it is taken again once this passes.
    lease_until INTEGER
  );
  CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
  CREATE INDEX webhook_deliveries_by_account ON webhook_deliveries (account_id, id);
  CREATE TABLE stream_tokens (
    token_hash BLOB PRIMARY KEY,
    account_id INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX mood_changes_by_account_id ON mood_changes (account_id, id);
  `,
];

/** Brings the schema up to `target` (the latest version by default); returns the version it is at. */
export function migrate(db: Database, target = MIGRATIONS.length): number {
  db.exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at INTEGER NOT NULL)");
  const current = db.prepare("SELECT max(version) AS version FROM schema_version").pluck();
  const record = db.prepare("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)");
  // IMMEDIATE: two processes starting on one file at once must not both apply a step.
  return db
    .transaction(() => {
      let version = (current.get() as number | null) ?? 0;
      for (const step of MIGRATIONS.slice(version, target)) {
        db.exec(step);
        version += 1;
        record.run(version, Date.now());
      }
      return version;
    })
    .immediate();
}
