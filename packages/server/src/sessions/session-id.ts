import { HttpError } from "../http/http-error.js";
import { LIMITS } from "../limits.js";

/** The session id of the routes under /v1/sessions/:id, when it is 1 to 256 characters; a 400 otherwise. */
export function sessionIdOf(params: Record<string, string>): string {
  const id = params.id ?? "";
  // Only a long id needs counting by code point, so a surrogate pair counts as one character.
  if (id.length === 0 || (id.length > LIMITS.SESSION_ID_CHARS && [...id].length > LIMITS.SESSION_ID_CHARS)) {
    throw new HttpError(400, "Invalid field", {
      field: "session_id",
      message: `A session id has 1 to ${LIMITS.SESSION_ID_CHARS} characters`,
    });
  }
  return id;
}

/** The `:id` of the session routes, as the OpenAPI document describes it. */
export const SESSION_ID_PARAM = {
  id: {
    description: `The session id, 1 to ${LIMITS.SESSION_ID_CHARS} characters, URL-encoded.`,
    schema: { type: "string", minLength: 1, maxLength: LIMITS.SESSION_ID_CHARS },
  },
};
