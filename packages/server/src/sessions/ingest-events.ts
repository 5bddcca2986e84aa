import { createMoodState, moodOf, scoreEvents } from "@sessionmood/engine";
import type { RequestHandler } from "express";
import type { z } from "zod";
import { callerOf } from "../http/authenticate.js";
import { HttpError } from "../http/http-error.js";
import { quotaMonth, quotaResetAt } from "../plans.js";
import type { Services } from "../services.js";
import { parseEventBatch } from "./parse-event-batch.js";
import type { EventsStoredSchema } from "./session-schemas.js";
import { sessionIdOf } from "./session-id.js";

/** POST /v1/sessions/:id/events: stores a batch and scores it on top of the session's state. */
export function ingestEvents({ config, store }: Services): RequestHandler<{ id: string }> {
  return async (req, res) => {
    const sessionId = sessionIdOf(req);
    const receivedAt = config.now();
    const events = parseEventBatch(req.body, receivedAt / 1000);
    const { account } = callerOf(res);
    const plan = config.plans[account.plan];
    const outcome = await store.recordBatch({
      accountId: account.id,
      sessionId,
      events,
      receivedAt,
      month: quotaMonth(receivedAt),
      newSessionsPerMonth: plan.sessionsPerMonth,
      score(previous) {
        const state = scoreEvents(previous ?? createMoodState(), events);
        return { state, mood: moodOf(state).mood };
      },
    });
    if (!outcome.stored) {
      throw new HttpError(429, "Rate limit exceeded", {
        message: "The plan's new sessions for this month are used up; sessions already open keep working",
        plan: account.plan,
        limit: plan.sessionsPerMonth,
        reset_at: quotaResetAt(receivedAt),
      });
    }
    const body: z.infer<typeof EventsStoredSchema> = {
      session_id: sessionId,
      events_stored: events.length,
      total_events: outcome.totalEvents,
      current_mood: outcome.mood,
    };
    res.json(body);
  };
}
