import { EVENT_TYPES, isEventType, type MoodEvent } from "@sessionmood/engine";
import { HttpError } from "../http/http-error.js";
import { validate } from "../http/validate.js";
import { LIMITS } from "../limits.js";
import { EVENT_SCHEMAS } from "./event-schemas.js";

/** A request body of the events endpoint, checked. */
export interface ParsedBatch {
  /** Complete events: every `ts` filled in, none more than a little ahead of receipt. */
  events: MoodEvent[];
  batchId: string | null;
  /** The page asked not to be taken for a crawler (a site's own end-to-end tests). */
  allowBots: boolean;
}

/**
 * The batch of a request body, checked against the contract with unknown fields dropped and a
 * missing `ts` set to `receivedAt` (Unix s); a 400 for the first problem found otherwise. Unknown
 * types are reported together, so a client learns all of them at once. A batch whose latest
 * event lies more than `FUTURE_TOLERANCE_S` after receipt (a wrong client clock) is moved back as
 * a whole, keeping the events' spacing, so that no event is ever in the future.
 */
export function parseEventBatch(body: unknown, receivedAt: number): ParsedBatch {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new HttpError(400, "Missing or empty events array", { field: "events" });
  }
  const { events, batch_id: batchId, allow_bots: allowBots } = body as Record<string, unknown>;
  if (!Array.isArray(events) || events.length === 0) {
    throw new HttpError(400, "Missing or empty events array", { field: "events" });
  }
  if (events.length > LIMITS.EVENTS_PER_BATCH) {
    throw new HttpError(400, "Too many events", { field: "events", limit: LIMITS.EVENTS_PER_BATCH });
  }
  if (batchId !== undefined && (typeof batchId !== "string" || batchId.length === 0 || batchId.length > LIMITS.BATCH_ID_CHARS)) {
    throw new HttpError(400, "Invalid field", {
      field: "batch_id",
      message: `batch_id is a string of 1 to ${LIMITS.BATCH_ID_CHARS} characters`,
    });
  }
  if (allowBots !== undefined && typeof allowBots !== "boolean") {
    throw new HttpError(400, "Invalid field", { field: "allow_bots", message: "allow_bots must be a boolean" });
  }

  const invalid = new Set<string>();
  events.forEach((event: unknown, i) => {
    if (typeof event !== "object" || event === null || Array.isArray(event)) {
      throw new HttpError(400, "Invalid field", { field: `events[${i}]`, message: "An event must be an object" });
    }
    const type = (event as { type?: unknown }).type;
    if (type === undefined) throw new HttpError(400, "Missing required field", { field: `events[${i}].type` });
    if (typeof type !== "string") {
      throw new HttpError(400, "Invalid field", { field: `events[${i}].type`, message: "type must be a string" });
    }
    if (!isEventType(type)) invalid.add(type);
  });
  if (invalid.size > 0) {
    throw new HttpError(400, "Invalid event type(s)", { invalid: [...invalid], valid_types: [...EVENT_TYPES] });
  }

  let latest = -Infinity;
  const parsed = events.map((event: { type: MoodEvent["type"] }, i): MoodEvent => {
    const checked: MoodEvent = validate(EVENT_SCHEMAS[event.type], event, `events[${i}].`);
    checked.ts ??= receivedAt;
    latest = Math.max(latest, checked.ts);
    return checked;
  });
  if (latest > receivedAt + LIMITS.FUTURE_TOLERANCE_S) {
    const shift = receivedAt - latest;
    for (const event of parsed) event.ts = event.ts! + shift;
  }
  return { events: parsed, batchId: (batchId as string | undefined) ?? null, allowBots: allowBots === true };
}
