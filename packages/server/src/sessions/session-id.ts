import type { Request } from "express";
import { HttpError } from "../http/http-error.js";
import { LIMITS } from "../limits.js";

/** The session id of the path, 1 to 256 characters (decoded); a 400 otherwise. */
export function sessionIdOf(req: Request<{ id: string }>): string {
  return checkSessionId(req.params.id);
}

/** `id` when it is a valid session id of 1 to 256 characters; a 400 otherwise. */
export function checkSessionId(id: string): string {
  // Only a long id needs counting by code point, so a surrogate pair counts as one character.
  if (id.length === 0 || (id.length > LIMITS.SESSION_ID_CHARS && [...id].length > LIMITS.SESSION_ID_CHARS)) {
    throw new HttpError(400, "Invalid field", {
      field: "session_id",
      message: `A session id has 1 to ${LIMITS.SESSION_ID_CHARS} characters`,
    });
  }
  return id;
}
