import { EVENT_TYPES, isEventType, type MoodEvent } from "@sessionmood/engine";
import { HttpError } from "../http/http-error.js";
import { validate } from "../http/validate.js";
import { LIMITS } from "../limits.js";
import { EVENT_SCHEMAS } from "./event-schemas.js";

/**
 * The events of a request body, checked against the contract with unknown fields dropped and
 * a missing `ts` set to `receivedAt` (Unix s); a 400 for the first problem found otherwise.
 * Unknown types are reported together, so a client learns all of them at once.
 */
export function parseEventBatch(body: unknown, receivedAt: number): MoodEvent[] {
  const events = (body as { events?: unknown } | undefined)?.events;
  if (!Array.isArray(events) || events.length === 0) {
    throw new HttpError(400, "Missing or empty events array", { field: "events" });
  }
  if (events.length > LIMITS.EVENTS_PER_BATCH) {
    throw new HttpError(400, "Too many events", { field: "events", limit: LIMITS.EVENTS_PER_BATCH });
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

  return events.map((event: { type: MoodEvent["type"] }, i): MoodEvent => {
    const parsed: MoodEvent = validate(EVENT_SCHEMAS[event.type], event, `events[${i}].`);
    parsed.ts ??= receivedAt;
    return parsed;
  });
}
