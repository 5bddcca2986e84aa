import type { ErrorBody } from "./error-body.js";

export type ErrorDetails = Omit<ErrorBody, "error">;

/** An error answered with `status` and the body `{error, ...details}`. */
export class HttpError extends Error {
  readonly status: number;
  readonly details: ErrorDetails;
  /** Headers the answer carries, e.g. `Retry-After`. */
  readonly headers: Record<string, string>;

  constructor(status: number, error: string, details: ErrorDetails = {}, headers: Record<string, string> = {}) {
    super(error);
    this.name = "HttpError";
    this.status = status;
    this.details = details;
    this.headers = headers;
  }

  /** The response body. */
  body(): ErrorBody {
    return { error: this.message, ...this.details };
  }
}

export const unauthorized = (): HttpError =>
  new HttpError(401, "Unauthorized", { message: "Missing or invalid API key" });

export const forbidden = (message: string): HttpError => new HttpError(403, "Forbidden", { message });

export const sessionNotFound = (sessionId: string): HttpError =>
  new HttpError(404, "Session not found", { session_id: sessionId });

/** A 429 asking the client to come back in `waitMs` (`Retry-After`, whole seconds, at least 1). */
export function tooManyRequests(message: string, waitMs: number, details: ErrorDetails = {}): HttpError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return new HttpError(429, "Too Many Requests", { message, ...details }, { "Retry-After": String(seconds) });
}
