import { createMoodState, moodOf, scoreEvents } from "@sessionmood/engine";
import type { z } from "zod";
import { identifyCaller, type Caller } from "../http/authenticate.js";
import { directRoute, type DirectRoute } from "../http/direct-route.js";
import { HttpError } from "../http/http-error.js";
import { readJsonBody } from "../http/json-body.js";
import { quotaMonth, quotaResetAt } from "../plans.js";
import type { Services } from "../services.js";
import { allowEventsOrigin, checkEventsOrigin } from "./events-cors.js";
import { parseEventBatch } from "./parse-event-batch.js";
import type { EventsStoredSchema } from "./session-schemas.js";
import { sessionIdOfSegment } from "./session-id.js";

/** `/v1/sessions/:id/events`, matched as Express would: any case, an optional trailing slash. */
const EVENTS_PATH = /^\/v1\/sessions\/([^/?#]+)\/events\/?(?:\?(.*))?$/i;

/** POST /v1/sessions/:id/events: stores a batch and answers the session's mood after it. */
export function ingestEvents(services: Services): DirectRoute {
  return directRoute(["POST"], EVENTS_PATH, services.logger, async (req, res, path) => {
    allowEventsOrigin(req, res);
    const caller = identifyCaller(services.store, req, queryKey(path[2]), ["secret", "publishable"]);
    const sessionId = sessionIdOfSegment(path[1]!);
    checkEventsOrigin(caller, req.headers.origin);
    const body = await readJsonBody(req, { acceptTextPlain: true });
    return storeBatch(services, sessionId, caller, body);
  });
}

/** Stores a batch and scores it on top of the session's state. */
async function storeBatch(
  { config, store }: Services,
  sessionId: string,
  { account }: Caller,
  body: unknown,
): Promise<z.infer<typeof EventsStoredSchema>> {
  const receivedAt = config.now();
  const events = parseEventBatch(body, receivedAt / 1000);
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
      return { state, mood: moodOf(state) };
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
  const { mood, confidence, signals, suggested_action } = outcome.mood;
  return {
    session_id: sessionId,
    events_stored: events.length,
    total_events: outcome.totalEvents,
    current_mood: mood,
    mood: { mood, confidence, signals, suggested_action },
  };
}

/** The `key` query parameter when it is given exactly once, as Express's query parser reads it. */
function queryKey(query: string | undefined): string | undefined {
  if (query === undefined) return undefined;
  const keys = new URLSearchParams(query).getAll("key");
  return keys.length === 1 ? keys[0] : undefined;
}
