import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "../logger.js";
import { answerError } from "./error-handler.js";
import { beginRequest } from "./request-context.js";
import { sendJson } from "./send-json.js";

/** Takes a request and returns true, or returns false when the request is not its route. */
export type DirectRoute = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * A route answered on Node's own request and response, ahead of Express, for the two routes
 * that carry nearly all traffic (posting events, reading a mood). Express's per-request work
 * (re-prototyping the request and response, the router) costs more than storing and scoring a
 * batch: measured here, a bare Express route answers ~3,000 req/s where node:http answers
 * ~11,000, and its allocations put a 12–17 ms p99 on mood reads that is ~3 ms without it.
 *
 * `path` is matched against the whole URL, so it must allow a query string; `handle` returns
 * the 200 body (or a promise of it) and throws an HttpError for anything else, answered with
 * the same error bodies and request ids as the Express routes.
 */
export function directRoute(
  methods: readonly string[],
  path: RegExp,
  logger: Logger,
  handle: (req: IncomingMessage, res: ServerResponse, path: RegExpExecArray) => unknown,
): DirectRoute {
  return (req, res) => {
    const match = methods.includes(req.method ?? "") ? path.exec(req.url ?? "") : null;
    if (!match) return false;
    beginRequest(req, res, logger);
    const fail = (error: unknown): void => answerError(error, req, res, logger);
    const answer = (body: unknown): void => sendJson(res, 200, body);
    try {
      const body = handle(req, res, match);
      if (body instanceof Promise) body.then(answer, fail);
      else answer(body);
    } catch (error) {
      fail(error);
    }
    return true;
  };
}
