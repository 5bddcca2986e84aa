import type { Database } from "better-sqlite3";
import type { Mood } from "@sessionmood/engine";
import { mergeVisits, type MoodChange, type PageVisit, type SessionTrail } from "../../history/session-history.js";

const HOUR_MS = 60 * 60 * 1000;
import type { StoredMoodChange } from "../storage.js";

/** A stored mood change as SQLite returns it. */
export interface ChangeRow {
  id: number;
  at: number;
  from_mood: Mood;
  to_mood: Mood;
  confidence: number;
  signals: string;
  page: string | null;
}

/**
 * A session's mood history and the rollups analytics read, written inside the caller's
 * transaction: appended to by a batch that follows the stored ones, rebuilt by one that does not.
 */
export class SqliteHistory {
  private readonly sql: ReturnType<typeof prepareStatements>;

  constructor(db: Database) {
    this.sql = prepareStatements(db);
  }

  /** Adds what a batch later than every stored event left; returns the stored changes. */
  append(accountId: number, pk: number, sessionId: string, trail: SessionTrail): StoredMoodChange[] {
    for (const slot of trail.slots) this.sql.upsertSlot.run(pk, slot.slot, accountId, slot.lastAt, slot.mood);
    for (const visit of trail.visits) {
      const row = this.sql.findVisit.get(pk, visit.path) as VisitRow | undefined;
      const stored = row && toVisit(row);
      const merged = stored ? mergeVisits(stored, visit) : visit;
      // Visits expire by the hour of their latest moment: a later moment in the same hour changes nothing.
      if (stored && sameCount(stored, merged) && sameHour(stored.lastAt, merged.lastAt) && stored.signals.length === merged.signals.length) {
        continue;
      }
      this.sql.saveVisit.run(visitRow(accountId, pk, merged));
      if (stored && sameCount(stored, merged)) continue;
      if (stored) this.countVisit(accountId, stored, -1);
      this.countVisit(accountId, merged, 1);
    }
    return trail.changes.map((change) => this.insertChange(accountId, pk, sessionId, change));
  }

  /**
   * Replaces the session's history with `trail`, worked out again from all its events. A change
   * already stored (same time, from and to) keeps its id, so only the new ones are returned: a
   * stream or a webhook never hears of one change twice.
   */
  rebuild(accountId: number, pk: number, sessionId: string, trail: SessionTrail): StoredMoodChange[] {
    const stored = new Map<string, ChangeRow[]>();
    for (const row of this.sql.sessionChanges.all(pk) as ChangeRow[]) {
      const key = changeKey(row.at, row.from_mood, row.to_mood);
      stored.set(key, [...(stored.get(key) ?? []), row]);
    }
    const added: StoredMoodChange[] = [];
    for (const change of trail.changes) {
      const kept = stored.get(changeKey(change.at, change.from, change.to))?.shift();
      if (kept) {
        this.sql.updateChange.run(change.confidence, JSON.stringify(change.signals), change.page, kept.id);
      } else {
        added.push(this.insertChange(accountId, pk, sessionId, change));
      }
    }
    for (const rows of stored.values()) for (const row of rows) this.sql.deleteChange.run(row.id);
    this.sql.deleteSlots.run(pk);
    this.deleteVisits(accountId, pk);
    for (const slot of trail.slots) this.sql.upsertSlot.run(pk, slot.slot, accountId, slot.lastAt, slot.mood);
    for (const visit of trail.visits) {
      this.sql.saveVisit.run(visitRow(accountId, pk, visit));
      this.countVisit(accountId, visit, 1);
    }
    return added;
  }

  timeline(pk: number, sessionId: string): StoredMoodChange[] {
    return (this.sql.sessionChanges.all(pk) as ChangeRow[]).map((row) => toChange(row, sessionId));
  }

  /** Forgets the session's history, with the session. */
  deleteFor(accountId: number, pk: number): void {
    this.sql.deleteSessionChanges.run(pk);
    this.sql.deleteSlots.run(pk);
    this.deleteVisits(accountId, pk);
  }

  private deleteVisits(accountId: number, pk: number): void {
    for (const row of this.sql.sessionVisits.all(pk) as VisitRow[]) this.countVisit(accountId, toVisit(row), -1);
    this.sql.deleteVisits.run(pk);
  }

  /** Adds a visit to (or with -1 takes it from) the hourly page counts. */
  private countVisit(accountId: number, visit: PageVisit, sign: 1 | -1): void {
    const struggled = visit.frustrated || visit.confused;
    this.sql.countPageHour.run({
      accountId,
      hour: Math.floor(visit.firstAt / HOUR_MS),
      path: visit.path,
      sessions: sign,
      frustrated: sign * Number(visit.frustrated),
      confused: sign * Number(visit.confused),
      struggling: sign * Number(struggled),
    });
  }

  private insertChange(accountId: number, pk: number, sessionId: string, change: MoodChange): StoredMoodChange {
    const { at, from, to, confidence, signals, page } = change;
    const id = Number(
      this.sql.insertChange.run(accountId, pk, at, from, to, confidence, JSON.stringify(signals), page).lastInsertRowid,
    );
    return { id, sessionId, ...change };
  }
}

interface VisitRow {
  path: string;
  first_at: number;
  last_at: number;
  frustrated: number;
  confused: number;
  signals: string;
}

const sameHour = (a: number, b: number) => Math.floor(a / HOUR_MS) === Math.floor(b / HOUR_MS);

/** Whether two records of a visit count the same in the hourly page counts. */
function sameCount(a: PageVisit, b: PageVisit): boolean {
  return sameHour(a.firstAt, b.firstAt) && a.frustrated === b.frustrated && a.confused === b.confused;
}

function toVisit(row: VisitRow): PageVisit {
  return {
    path: row.path,
    firstAt: row.first_at,
    lastAt: row.last_at,
    frustrated: row.frustrated === 1,
    confused: row.confused === 1,
    signals: row.signals === "" ? [] : row.signals.split(","),
  };
}

function changeKey(at: number, from: Mood, to: Mood): string {
  return `${at} ${from} ${to}`;
}

export function toChange(row: ChangeRow, sessionId: string): StoredMoodChange {
  return {
    id: row.id,
    sessionId,
    at: row.at,
    from: row.from_mood,
    to: row.to_mood,
    confidence: row.confidence,
    signals: JSON.parse(row.signals) as string[],
    page: row.page,
  };
}

function visitRow(accountId: number, pk: number, visit: PageVisit) {
  return {
    pk,
    path: visit.path,
    accountId,
    firstAt: visit.firstAt,
    lastAt: visit.lastAt,
    frustrated: Number(visit.frustrated),
    confused: Number(visit.confused),
    signals: visit.signals.join(","),
  };
}

function prepareStatements(db: Database) {
  return {
    insertChange: db.prepare(
      `INSERT INTO mood_changes (account_id, session_pk, at, from_mood, to_mood, confidence, signals, page)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    updateChange: db.prepare("UPDATE mood_changes SET confidence = ?, signals = ?, page = ? WHERE id = ?"),
    deleteChange: db.prepare("DELETE FROM mood_changes WHERE id = ?"),
    sessionChanges: db.prepare(
      "SELECT id, at, from_mood, to_mood, confidence, signals, page FROM mood_changes WHERE session_pk = ? ORDER BY at, id",
    ),
    deleteSessionChanges: db.prepare("DELETE FROM mood_changes WHERE session_pk = ?"),
    // A slot keeps the mood after its latest moment, whichever batch brought it.
    upsertSlot: db.prepare(
      `INSERT INTO session_activity (session_pk, slot, account_id, last_at, mood) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (session_pk, slot) DO UPDATE SET last_at = excluded.last_at, mood = excluded.mood
       WHERE excluded.last_at >= session_activity.last_at`,
    ),
    deleteSlots: db.prepare("DELETE FROM session_activity WHERE session_pk = ?"),
    findVisit: db.prepare(
      "SELECT path, first_at, last_at, frustrated, confused, signals FROM page_visits WHERE session_pk = ? AND path = ?",
    ),
    sessionVisits: db.prepare(
      "SELECT path, first_at, last_at, frustrated, confused, signals FROM page_visits WHERE session_pk = ?",
    ),
    saveVisit: db.prepare(
      `INSERT OR REPLACE INTO page_visits (session_pk, path, account_id, first_at, last_at, frustrated, confused, signals)
       VALUES (:pk, :path, :accountId, :firstAt, :lastAt, :frustrated, :confused, :signals)`,
    ),
    deleteVisits: db.prepare("DELETE FROM page_visits WHERE session_pk = ?"),
    // Counts never go below 0: an hour already purged by retention has nothing left to take from.
    countPageHour: db.prepare(
      `INSERT INTO page_hours (account_id, hour, path, sessions, frustrated, confused, struggling)
       VALUES (:accountId, :hour, :path, max(:sessions, 0), max(:frustrated, 0), max(:confused, 0), max(:struggling, 0))
       ON CONFLICT (account_id, hour, path) DO UPDATE SET
         sessions = max(sessions + :sessions, 0),
         frustrated = max(frustrated + :frustrated, 0),
         confused = max(confused + :confused, 0),
         struggling = max(struggling + :struggling, 0)`,
    ),
  };
}
