import { EVENT_TYPES, type EventType } from "@sessionmood/engine";
import { z } from "zod";
import { LIMITS } from "../limits.js";

const ts = z
  .number()
  .min(0)
  .max(LIMITS.TS_MAX_SECONDS)
  .describe("Unix time in seconds, fractions allowed; the time of receipt when omitted.");
const pixels = z.number().min(0).describe("Viewport coordinate in px.");
const durationMs = z.number().min(0).describe("How long it lasted, in ms.");

function eventOf<T extends EventType, F extends z.ZodRawShape>(type: T, fields: F) {
  return z.object({ type: z.literal(type), ts: ts.optional(), ...fields });
}

/** One schema per event type, with only that type's fields: any other field is dropped. */
export const EVENT_SCHEMAS = {
  click: eventOf("click", {
    x: pixels.optional(),
    y: pixels.optional(),
    dead: z.boolean().optional().describe("Nothing happened after the click."),
  }),
  rage_click: eventOf("rage_click", { x: pixels.optional(), y: pixels.optional() }),
  scroll: eventOf("scroll", {
    speed: z.number().min(0).optional().describe("px per second."),
    direction: z.enum(["up", "down"]).optional(),
  }),
  input_pause: eventOf("input_pause", { duration_ms: durationMs.optional() }),
  backtrack: eventOf("backtrack", {}),
  back_nav: eventOf("back_nav", {}),
  page_view: eventOf("page_view", { url: z.string().max(LIMITS.URL_CHARS).optional() }),
  error: eventOf("error", { message: z.string().max(LIMITS.MESSAGE_CHARS).optional() }),
  idle: eventOf("idle", { duration_ms: durationMs.optional() }),
  hover: eventOf("hover", { duration_ms: durationMs.optional() }),
  focus: eventOf("focus", {}),
  blur: eventOf("blur", {}),
} satisfies Record<EventType, z.ZodType>;

export const EventSchema = z
  .discriminatedUnion(
    "type",
    EVENT_TYPES.map((type) => EVENT_SCHEMAS[type]) as unknown as [
      (typeof EVENT_SCHEMAS)[EventType],
      ...(typeof EVENT_SCHEMAS)[EventType][],
    ],
  )
  .meta({ id: "Event" });

export const EventBatchSchema = z
  .object({
    events: z.array(EventSchema).min(1).max(LIMITS.EVENTS_PER_BATCH),
    batch_id: z
      .string()
      .min(1)
      .max(LIMITS.BATCH_ID_CHARS)
      .optional()
      .describe("The client's id for this batch: a repeat for the same session is answered again, not stored again."),
    allow_bots: z
      .boolean()
      .optional()
      .describe("Store the batch even from a crawler's or a headless browser's User-Agent (a site's own tests)."),
  })
  .meta({ id: "EventBatch" });
