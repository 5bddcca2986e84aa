import { MOODS, SUGGESTED_ACTIONS } from "@sessionmood/engine";
import { z } from "zod";
import { LIMITS } from "../limits.js";

const mood = z.enum(MOODS);

/** What the engine says of a session, as both the mood read and each stored batch answer it. */
const moodFields = {
  mood,
  confidence: z.number().min(0).max(1),
  signals: z.array(z.string()).describe("What drove the mood, strongest first."),
  suggested_action: z.enum(SUGGESTED_ACTIONS),
  action_source: z
    .enum(["default", "learned"])
    .describe("Whether the suggested action is the mood's default or one the account's feedback taught."),
};

/** The action each mood suggests for the account, as its pages should apply it in local scoring. */
export const PolicySchema = z
  .record(mood, z.enum(SUGGESTED_ACTIONS))
  .describe("The account's action per mood (learned or default), for in-page scoring to suggest the same.")
  .meta({ id: "Policy" });

export const EventsStoredSchema = z
  .object({
    session_id: z.string(),
    events_stored: z.number().int().describe("Events accepted by this request."),
    total_events: z.number().int().describe("Events stored for the session so far."),
    current_mood: mood,
    mood: z
      .object(moodFields)
      .describe("The whole mood after this batch, so a page can react without reading it back."),
    capped: z
      .literal(true)
      .optional()
      .describe("The session is at its event cap: nothing of this batch, nor of any later one, is stored."),
    dropped: z.number().int().optional().describe("With capped: the events of this batch not stored."),
    policy: PolicySchema,
  })
  .meta({ id: "EventsStored" });

export const EventsIgnoredSchema = z
  .object({
    session_id: z.string(),
    events_stored: z.literal(0),
    ignored: z.literal("bot").describe("Sent by a crawler's User-Agent: neither stored nor counted."),
  })
  .meta({ id: "EventsIgnored" });

export const EventsAnswerSchema = z.union([EventsStoredSchema, EventsIgnoredSchema]).meta({ id: "EventsAnswer" });

export const SessionMoodSchema = z
  .object({
    session_id: z.string(),
    ...moodFields,
    event_count: z.number().int(),
    updated_at: z.string().describe("ISO 8601: when the latest batch was scored."),
  })
  .meta({ id: "SessionMood" });

export const FeedbackSchema = z
  .object({
    action_taken: z.string().min(1).max(LIMITS.ACTION_TAKEN_CHARS),
    was_helpful: z.boolean().optional(),
    notes: z.string().max(LIMITS.NOTES_CHARS).optional(),
  })
  .meta({ id: "Feedback" });

export const FeedbackRecordedSchema = z
  .object({ session_id: z.string(), feedback_recorded: z.literal(true) })
  .meta({ id: "FeedbackRecorded" });

export const MoodChangeSchema = z
  .object({
    id: z.number().int().describe("The change's id: streams use it as the event id."),
    at: z.string().describe("ISO 8601: the time of the event that changed the mood."),
    from: z.enum(MOODS),
    to: z.enum(MOODS),
    confidence: z.number(),
    signals: z.array(z.string()),
    page: z.string().nullable().describe("Path of the latest page view at that moment."),
  })
  .meta({ id: "MoodChange" });

export const TimelineSchema = z
  .object({ session_id: z.string(), changes: z.array(MoodChangeSchema).describe("Oldest first.") })
  .meta({ id: "Timeline" });

export const SessionExportSchema = z
  .object({
    session_id: z.string(),
    created_at: z.string(),
    updated_at: z.string(),
    event_count: z.number().int(),
    mood: z.object(moodFields),
    events: z
      .array(z.record(z.string(), z.unknown()))
      .describe("Every stored event as it was stored, with received_at: when its batch arrived."),
    feedback: z.array(
      z.object({
        action_taken: z.string(),
        was_helpful: z.boolean().nullable(),
        notes: z.string().nullable(),
        created_at: z.string(),
      }),
    ),
    timeline: z.array(MoodChangeSchema).describe("Every change of the session's mood, oldest first."),
  })
  .meta({ id: "SessionExport" });

export const SessionDeletedSchema = z
  .object({ session_id: z.string(), deleted: z.literal(true), message: z.string() })
  .meta({ id: "SessionDeleted" });
