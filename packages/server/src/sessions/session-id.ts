import { HttpError } from "../http/http-error.js";
import { LIMITS } from "../limits.js";

/** The session id of the routes under /v1/sessions/:id, as the contract bounds it. */
export function sessionIdOf(params: { id: string }): string {
  return checkSessionId(params.id);
}

/** The session id in a raw (percent-encoded) path segment; a 400 when it cannot be one. */
export function sessionIdOfSegment(segment: string): string {
  try {
    return checkSessionId(decodeURIComponent(segment));
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(400, "Bad Request", { message: `Failed to decode param '${segment}'` });
  }
}

/** `id` when it is a valid session id of 1 to 256 characters; a 400 otherwise. */
function checkSessionId(id: string): string {
  // Only a long id needs counting by code point, so a surrogate pair counts as one character.
  if (id.length === 0 || (id.length > LIMITS.SESSION_ID_CHARS && [...id].length > LIMITS.SESSION_ID_CHARS)) {
    throw new HttpError(400, "Invalid field", {
      field: "session_id",
      message: `A session id has 1 to ${LIMITS.SESSION_ID_CHARS} characters`,
    });
  }
  return id;
}
