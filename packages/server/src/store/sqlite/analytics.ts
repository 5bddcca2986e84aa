import type { Database } from "better-sqlite3";
import type { Mood } from "@sessionmood/engine";
import { SLOT_MS } from "../../history/session-history.js";
import type {
  ActionStats,
  ActivityRow,
  AnalyticsStore,
  FrustrationCount,
  MoodCounts,
  PageStats,
  TimeRange,
} from "../storage.js";
import { prepareActionStats } from "./action-stats.js";

const HOUR_MS = 60 * 60 * 1000;

/** Counts over an account's sessions and the rollups their batches keep, on the storage's connection. */
export class SqliteAnalytics implements AnalyticsStore {
  private readonly sql: ReturnType<typeof prepareStatements>;
  private readonly readActionStats: (accountId: number) => ActionStats[];

  constructor(db: Database) {
    this.sql = prepareStatements(db);
    this.readActionStats = prepareActionStats(db);
  }

  async moodCounts(accountId: number, range?: TimeRange): Promise<MoodCounts> {
    const rows = (
      range ? this.sql.countMoodsInRange.all({ accountId, ...slotsOf(range) }) : this.sql.countMoods.all(accountId)
    ) as { mood: Mood; sessions: number }[];
    const byMood: Partial<Record<Mood, number>> = {};
    let totalSessions = 0;
    for (const row of rows) {
      byMood[row.mood] = row.sessions;
      totalSessions += row.sessions;
    }
    const feedbackSessions = (
      range
        ? this.sql.countFeedbackSessionsInRange.get({ accountId, ...range })
        : this.sql.countFeedbackSessions.get(accountId)
    ) as number;
    return { totalSessions, feedbackSessions, byMood };
  }

  async activity(accountId: number, range: TimeRange): Promise<ActivityRow[]> {
    return this.sql.activity.all({ accountId, ...slotsOf(range) }) as ActivityRow[];
  }

  async pageStats(accountId: number, range: TimeRange): Promise<PageStats[]> {
    return this.sql.pageStats.all({ accountId, ...hoursOf(range) }) as PageStats[];
  }

  async pageSignals(
    accountId: number,
    range: TimeRange,
    paths: readonly string[],
  ): Promise<Map<string, Map<string, number>>> {
    const rows = this.sql.pageSignals.all({ accountId, ...hoursOf(range), paths: JSON.stringify(paths) }) as {
      path: string;
      signals: string;
    }[];
    const byPath = new Map<string, Map<string, number>>();
    for (const { path, signals } of rows) {
      const counts = byPath.get(path) ?? new Map<string, number>();
      byPath.set(path, counts);
      // A session counts once per signal, however often it turned on the page.
      for (const signal of new Set(signals.split(",").filter(Boolean))) counts.set(signal, (counts.get(signal) ?? 0) + 1);
    }
    return byPath;
  }

  async actionStats(accountId: number): Promise<ActionStats[]> {
    return this.readActionStats(accountId);
  }

  async frustration(accountId: number, range: TimeRange): Promise<FrustrationCount> {
    const params = { accountId, ...range, ...slotsOf(range) };
    return {
      sessions: this.sql.activeSessions.get(params) as number,
      frustrated: this.sql.frustratedSessions.get(params) as number,
    };
  }
}

/** The hours that overlap a range. */
function hoursOf({ from, to }: TimeRange): { fromHour: number; toHour: number } {
  return { fromHour: Math.floor(from / HOUR_MS), toHour: Math.ceil(to / HOUR_MS) };
}

/** The activity slots that overlap a range. */
function slotsOf({ from, to }: TimeRange): { fromSlot: number; toSlot: number } {
  return { fromSlot: Math.floor(from / SLOT_MS), toSlot: Math.ceil(to / SLOT_MS) };
}

function prepareStatements(db: Database) {
  const inSlots = "account_id = :accountId AND slot >= :fromSlot AND slot < :toSlot";

  return {
    countMoods: db.prepare("SELECT mood, count(*) AS sessions FROM sessions WHERE account_id = ? GROUP BY mood"),
    // SQLite takes a bare column from the row that gives max(): each session's mood in its latest slot.
    countMoodsInRange: db.prepare(
      `SELECT mood, count(*) AS sessions FROM
         (SELECT mood, max(slot) FROM session_activity WHERE ${inSlots} GROUP BY session_pk)
       GROUP BY mood`,
    ),
    countFeedbackSessions: db.prepare("SELECT count(DISTINCT session_pk) FROM feedback WHERE account_id = ?").pluck(),
    countFeedbackSessionsInRange: db
      .prepare(
        `SELECT count(DISTINCT session_pk) FROM feedback
         WHERE account_id = :accountId AND created_at >= :from AND created_at < :to`,
      )
      .pluck(),
    activity: db.prepare(`SELECT session_pk, slot, mood FROM session_activity WHERE ${inSlots}`).raw(),
    pageStats: db.prepare(
      `SELECT path, sum(sessions) AS sessions, sum(frustrated) AS frustrated, sum(confused) AS confused,
         sum(struggling) AS struggling
       FROM page_hours WHERE account_id = :accountId AND hour >= :fromHour AND hour < :toHour
       GROUP BY path HAVING sum(sessions) > 0`,
    ),
    // Visits count in the hour they began, as in page_hours.
    pageSignals: db.prepare(
      `SELECT path, signals FROM page_visits
       WHERE account_id = :accountId AND path IN (SELECT value FROM json_each(:paths))
         AND first_at >= :fromHour * ${HOUR_MS} AND first_at < :toHour * ${HOUR_MS}
         AND (frustrated = 1 OR confused = 1)`,
    ),
    activeSessions: db.prepare(`SELECT count(DISTINCT session_pk) FROM session_activity WHERE ${inSlots}`).pluck(),
    // Frustrated in the range: turned frustrated in it, or still frustrated in one of its slots.
    frustratedSessions: db
      .prepare(
        `SELECT count(*) FROM (
           SELECT session_pk FROM mood_changes
           WHERE account_id = :accountId AND at >= :from AND at < :to AND to_mood = 'frustrated'
           UNION
           SELECT session_pk FROM session_activity WHERE ${inSlots} AND mood = 'frustrated')`,
      )
      .pluck(),
  };
}
