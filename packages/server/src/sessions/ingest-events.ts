import type { IncomingMessage, ServerResponse } from "node:http";
import { createMoodState, moodOf, scoreEvents } from "@sessionmood/engine";
import type { z } from "zod";
import { identifyCaller, type Caller } from "../http/authenticate.js";
import { answerError } from "../http/error-handler.js";
import { HttpError } from "../http/http-error.js";
import { readJsonBody } from "../http/json-body.js";
import { beginRequest } from "../http/request-context.js";
import { sendJson } from "../http/send-json.js";
import { quotaMonth, quotaResetAt } from "../plans.js";
import type { Services } from "../services.js";
import { allowEventsOrigin, checkEventsOrigin } from "./events-cors.js";
import { parseEventBatch } from "./parse-event-batch.js";
import type { EventsStoredSchema } from "./session-schemas.js";
import { checkSessionId } from "./session-id.js";

/** `/v1/sessions/:id/events`, matched as Express would: any case, an optional trailing slash. */
const EVENTS_PATH = /^\/v1\/sessions\/([^/?#]+)\/events\/?(?:\?(.*))?$/i;

/**
 * POST /v1/sessions/:id/events, answered on Node's own request and response: a listener that
 * takes the request and returns true, or returns false for any other route.
 *
 * Nine requests in ten are events, and Express's own per-request work (re-prototyping the
 * request and response, the router) cost more than storing and scoring a batch: measured here,
 * a bare Express route answers ~3,000 req/s where node:http answers ~12,000. Everything this
 * does is the same code the Express routes use.
 */
export function ingestEvents(services: Services): (req: IncomingMessage, res: ServerResponse) => boolean {
  const { store, logger } = services;
  return (req, res) => {
    const match = req.method === "POST" ? EVENTS_PATH.exec(req.url ?? "") : null;
    if (!match) return false;
    beginRequest(req, res, logger);
    allowEventsOrigin(req, res);
    const fail = (error: unknown): void => answerError(error, req, res, logger);
    try {
      const sessionId = checkSessionId(decodePathSegment(match[1]!));
      const caller = identifyCaller(store, req, queryKey(match[2]), ["secret", "publishable"]);
      checkEventsOrigin(caller, req.headers.origin);
      readJsonBody(req, { acceptTextPlain: true })
        .then((body) => storeBatch(services, sessionId, caller, body))
        .then((stored) => sendJson(res, 200, stored), fail);
    } catch (error) {
      fail(error);
    }
    return true;
  };
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

function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, "Bad Request", { message: `Failed to decode param '${segment}'` });
  }
}

/** The `key` query parameter when it is given exactly once, as Express's query parser reads it. */
function queryKey(query: string | undefined): string | undefined {
  if (query === undefined) return undefined;
  const keys = new URLSearchParams(query).getAll("key");
  return keys.length === 1 ? keys[0] : undefined;
}
