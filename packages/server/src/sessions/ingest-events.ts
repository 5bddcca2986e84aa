import { moodOf, type ActionPolicy, type MoodResult, type MoodState } from "@sessionmood/engine";
import { isbot } from "isbot";
import type { z } from "zod";
import { HttpError } from "../http/http-error.js";
import { Reply, route } from "../http/route.js";
import { LIMITS } from "../limits.js";
import { quotaMonth, quotaResetAt, retentionMs } from "../plans.js";
import { StorageBusyError } from "../store/storage.js";
import { actionSource, effectivePolicy } from "../learning/learn-policy.js";
import { webhookSubscription } from "../webhooks/webhook-subscription.js";
import { EventBatchSchema } from "./event-schemas.js";
import { parseEventBatch, type ParsedBatch } from "./parse-event-batch.js";
import { EventsAnswerSchema, type EventsIgnoredSchema, type EventsStoredSchema } from "./session-schemas.js";
import { SESSION_ID_PARAM, sessionIdOf } from "./session-id.js";

type EventsStored = z.infer<typeof EventsStoredSchema>;

/** POST /v1/sessions/:id/events: stores a batch and answers the session's mood after it. */
export const ingestEventsRoute = route<ParsedBatch>({
  method: "POST",
  path: "/v1/sessions/:id/events",
  params: SESSION_ID_PARAM,
  access: "secret_or_publishable",
  crossOrigin: true,
  burstLimited: true,
  body: { schema: EventBatchSchema, textPlain: true, parse: (raw, { now }) => parseEventBatch(raw, now / 1000) },
  summary: "Store a batch of events and score it",
  description:
    "All of the batch is stored or none of it. A text/plain body holding JSON is accepted too (sendBeacon). " +
    "A repeated batch_id is answered again without being stored again.",
  responses: {
    200: ["Stored (or already stored, or refused past the session's event cap, or ignored as a crawler's).", EventsAnswerSchema],
    410: ["The session was deleted; it takes no more events."],
    429: ["The plan's new sessions for this month are used up (with reset_at), or too many requests (Retry-After)."],
    503: ["Too many batches are waiting to be stored; retry after Retry-After seconds."],
  },
  async handle({ params, body, caller, now, req }, { config, storage, hub, webhooks, metrics }) {
    const sessionId = sessionIdOf(params);
    const { account } = caller;
    if (caller.keyKind === "publishable" && !body.allowBots && isbot(req.headers["user-agent"])) {
      const ignored: z.infer<typeof EventsIgnoredSchema> = { session_id: sessionId, events_stored: 0, ignored: "bot" };
      return ignored;
    }
    const plan = config.plans[account.plan];
    const webhook = webhookSubscription(account);
    const outcome = await storage
      .recordBatch({
        accountId: account.id,
        sessionId,
        batchId: body.batchId,
        events: body.events,
        receivedAt: now,
        retentionMs: retentionMs(account, config.plans),
        month: quotaMonth(now),
        newSessionsPerMonth: plan.sessionsPerMonth,
        maxSessionEvents: config.maxSessionEvents,
        webhook,
      })
      .catch((error: unknown) => {
        if (!(error instanceof StorageBusyError)) throw error;
        throw new HttpError(
          503,
          "Service Unavailable",
          { message: "The server is storing too many batches at once; retry shortly" },
          { "Retry-After": String(LIMITS.BUSY_RETRY_AFTER_S) },
        );
      });

    switch (outcome.kind) {
      case "quota_exceeded":
        throw new HttpError(429, "Rate limit exceeded", {
          message: "The plan's new sessions for this month are used up; sessions already open keep working",
          plan: account.plan,
          limit: plan.sessionsPerMonth,
          reset_at: quotaResetAt(now),
        });
      case "deleted":
        return new Reply(410, {
          error: "Session deleted",
          session_id: sessionId,
          message: "This session was erased and takes no more events",
        });
      case "stored":
        metrics.ingestedEvents.inc(body.events.length);
        if (outcome.changes.length > 0) {
          hub.publish(account.id, outcome.changes);
          if (webhook) webhooks.wake();
        }
        return answer(sessionId, body.events.length, outcome.totalEvents, outcome.state, account.policy);
      case "duplicate":
        return answer(sessionId, outcome.batchEvents, outcome.totalEvents, outcome.state, account.policy);
      case "capped":
        return {
          ...answer(sessionId, 0, outcome.totalEvents, outcome.state, account.policy),
          capped: true,
          dropped: body.events.length,
        };
    }
  },
});

function answer(sessionId: string, stored: number, total: number, state: MoodState, learned: ActionPolicy): EventsStored {
  const result: MoodResult = moodOf(state, learned);
  const { mood, confidence, signals, suggested_action } = result;
  const policy = Object.fromEntries(
    Object.entries(effectivePolicy(learned)).map(([each, { action }]) => [each, action]),
  ) as EventsStored["policy"];
  return {
    session_id: sessionId,
    events_stored: stored,
    total_events: total,
    current_mood: mood,
    mood: { mood, confidence, signals, suggested_action, action_source: actionSource(result, learned) },
    policy,
  };
}
