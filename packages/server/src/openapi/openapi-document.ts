import { z } from "zod";
import { MoodDistributionSchema } from "../analytics/analytics-schemas.js";
import { HealthSchema } from "../health/health-router.js";
import { ErrorBodySchema } from "../http/error-body.js";
import { KeyRequestSchema, KeysIssuedSchema } from "../keys/key-schemas.js";
import { EventBatchSchema } from "../sessions/event-schemas.js";
import {
  EventsStoredSchema,
  FeedbackRecordedSchema,
  FeedbackSchema,
  SessionDeletedSchema,
  SessionMoodSchema,
} from "../sessions/session-schemas.js";
import { VERSION } from "../version.js";

type Schema = z.ZodType;

const json = (schema: Schema) => ({ content: { "application/json": { schema: ref(schema) } } });
const ref = (schema: Schema) => ({ $ref: `#/components/schemas/${z.globalRegistry.get(schema)?.id as string}` });
const answer = (description: string, schema: Schema) => ({ description, ...json(schema) });
const error = (description: string) => answer(description, ErrorBodySchema);

const sessionId = {
  name: "id",
  in: "path",
  required: true,
  description: "The session id, 1 to 256 characters, URL-encoded.",
  schema: { type: "string", minLength: 1, maxLength: 256 },
};
const keyErrors = {
  401: error("Missing, unknown or revoked key."),
  403: error("A publishable key where a secret key is needed."),
};
const notFound = { 404: error("The session has no events or was deleted.") };

/** The OpenAPI 3.1 description of the API, built from the schemas that validate its requests. */
export function openApiDocument(): object {
  // Every schema above carries an id in zod's global registry; each becomes a component.
  const { schemas } = z.toJSONSchema(z.globalRegistry, {
    target: "draft-2020-12",
    io: "input",
    uri: (id) => `#/components/schemas/${id}`,
  });

  return {
    openapi: "3.1.0",
    info: {
      title: "SessionMood API",
      version: VERSION,
      description: "Behavioural events in, the visitor's mood and a suggested action out.",
    },
    components: {
      schemas,
      securitySchemes: {
        apiKey: { type: "apiKey", in: "header", name: "X-Api-Key" },
        bearer: { type: "http", scheme: "bearer" },
        publishableKeyQuery: { type: "apiKey", in: "query", name: "key", description: "Publishable keys only." },
      },
    },
    security: [{ apiKey: [] }, { bearer: [] }],
    paths: {
      "/v1/keys/generate": {
        post: {
          summary: "Open an account and issue its secret and publishable keys",
          security: [{}, { bearer: [] }],
          requestBody: { required: true, ...json(KeyRequestSchema) },
          responses: {
            201: answer("The account's keys, shown only once.", KeysIssuedSchema),
            400: error("Missing customer_name, invalid plan or another invalid field."),
            401: error("Signup is closed and the admin token is missing or wrong."),
          },
        },
      },
      "/v1/sessions/{id}/events": {
        parameters: [sessionId],
        post: {
          summary: "Store a batch of events and score it",
          description: "All of the batch is stored or none of it. A text/plain body holding JSON is accepted too.",
          security: [{ apiKey: [] }, { bearer: [] }, { publishableKeyQuery: [] }],
          requestBody: {
            required: true,
            content: {
              "application/json": { schema: ref(EventBatchSchema) },
              "text/plain": { schema: ref(EventBatchSchema) },
            },
          },
          responses: {
            200: answer("Stored; the session's mood after it.", EventsStoredSchema),
            400: error("Invalid JSON, missing or empty events, unknown event types, or a field out of range."),
            ...keyErrors,
            413: error("The body is over the size limit."),
            415: error("The body is not JSON."),
            429: error("The plan's new sessions for this month are used up."),
          },
        },
        options: { summary: "CORS preflight", security: [], responses: { 204: { description: "Allowed." } } },
      },
      "/v1/sessions/{id}/mood": {
        parameters: [sessionId],
        get: {
          summary: "The session's current mood",
          responses: { 200: answer("The mood.", SessionMoodSchema), ...keyErrors, ...notFound },
        },
      },
      "/v1/sessions/{id}/feedback": {
        parameters: [sessionId],
        post: {
          summary: "Record what was done about the mood and whether it helped",
          requestBody: { required: true, ...json(FeedbackSchema) },
          responses: {
            200: answer("Recorded.", FeedbackRecordedSchema),
            400: error("Missing action_taken or an invalid field."),
            ...keyErrors,
            ...notFound,
          },
        },
      },
      "/v1/sessions/{id}": {
        parameters: [sessionId],
        delete: {
          summary: "Erase the session: events, mood and feedback",
          responses: { 200: answer("Erased.", SessionDeletedSchema), ...keyErrors, ...notFound },
        },
      },
      "/v1/analytics/moods": {
        get: {
          summary: "How the account's sessions are distributed over the moods",
          responses: { 200: answer("The distribution.", MoodDistributionSchema), ...keyErrors },
        },
      },
      "/health": {
        get: {
          summary: "Whether the server and its database are up",
          security: [],
          responses: { 200: answer("Up.", HealthSchema), 503: answer("Shutting down.", HealthSchema) },
        },
      },
    },
  };
}
