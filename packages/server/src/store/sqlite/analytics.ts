import type { Database } from "better-sqlite3";
import type { Mood } from "@sessionmood/engine";
import type { AnalyticsStore, MoodCounts } from "../storage.js";

/** Counts over an account's sessions, on the storage's connection. */
export class SqliteAnalytics implements AnalyticsStore {
  private readonly countMoods;
  private readonly countFeedbackSessions;

  constructor(db: Database) {
    this.countMoods = db.prepare("SELECT mood, count(*) AS sessions FROM sessions WHERE account_id = ? GROUP BY mood");
    this.countFeedbackSessions = db
      .prepare(
        `SELECT count(DISTINCT f.session_pk) FROM feedback f JOIN sessions s ON s.pk = f.session_pk
         WHERE s.account_id = ?`,
      )
      .pluck();
  }

  async moodCounts(accountId: number): Promise<MoodCounts> {
    const byMood: Partial<Record<Mood, number>> = {};
    let totalSessions = 0;
    for (const row of this.countMoods.all(accountId) as { mood: Mood; sessions: number }[]) {
      byMood[row.mood] = row.sessions;
      totalSessions += row.sessions;
    }
    const feedbackSessions = this.countFeedbackSessions.get(accountId) as number;
    return { totalSessions, feedbackSessions, byMood };
  }
}
