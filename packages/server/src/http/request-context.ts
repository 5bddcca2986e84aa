import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestHandler } from "express";
import type { Logger } from "../logger.js";

/** A caller's own request id is kept when it is a plain token of sensible length. */
const ACCEPTED_REQUEST_ID = /^[\w.:-]{1,128}$/;

/** The id of the request being answered, as sent in `X-Request-Id`. */
export function requestIdOf(res: ServerResponse): string {
  return res.getHeader("X-Request-Id") as string;
}

/** Gives a request its id, echoes it in `X-Request-Id`, and logs the request once answered. */
export function beginRequest(req: IncomingMessage, res: ServerResponse, logger: Logger): void {
  const incoming = req.headers["x-request-id"];
  const requestId =
    typeof incoming === "string" && ACCEPTED_REQUEST_ID.test(incoming) ? incoming : `req_${randomUUID()}`;
  res.setHeader("X-Request-Id", requestId);
  if (logger.isLevelEnabled("info")) {
    const started = performance.now();
    res.on("finish", () => logger.info(accessLine(req, res, requestId, started), "request"));
  }
}

/** `beginRequest` for every request Express handles. */
export function requestContext(logger: Logger): RequestHandler {
  return (req, res, next) => {
    beginRequest(req, res, logger);
    next();
  };
}

/** The path of a request without its query string, which may hold a key. */
export function pathOf(req: IncomingMessage): string {
  // Inside a mounted Express router `url` is cut down to the router's part; `originalUrl` is not.
  const url = (req as { originalUrl?: string }).originalUrl ?? req.url ?? "/";
  const query = url.indexOf("?");
  return query === -1 ? url : url.slice(0, query);
}

/**
 * The path as logs keep it: a session id, which may be a visitor's long-lived identifier, is cut
 * to a short prefix (keys are never in a path: query strings are not logged at all).
 */
export function loggedPath(req: IncomingMessage): string {
  return pathOf(req).replace(/^(\/v1\/sessions\/)([^/]+)/i, (_, base: string, id: string) =>
    id.length > LOGGED_ID_CHARS ? `${base}${id.slice(0, LOGGED_ID_CHARS)}…` : `${base}${id}`,
  );
}

/** Enough of a session id to tell sessions apart in a log, too little to be one. */
const LOGGED_ID_CHARS = 6;

function accessLine(req: IncomingMessage, res: ServerResponse, requestId: string, started: number) {
  return {
    request_id: requestId,
    method: req.method,
    path: loggedPath(req),
    status: res.statusCode,
    ms: Math.round((performance.now() - started) * 100) / 100,
  };
}
