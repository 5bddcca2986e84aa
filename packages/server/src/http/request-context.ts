import { randomUUID } from "node:crypto";
import type { Request, RequestHandler, Response } from "express";
import type { Logger } from "../logger.js";

/** A caller's own request id is kept when it is a plain token of sensible length. */
const ACCEPTED_REQUEST_ID = /^[\w.:-]{1,128}$/;

/** The id of the request being answered, as sent in `X-Request-Id`. */
export function requestIdOf(res: Response): string {
  return res.locals.requestId as string;
}

/** Gives every request an id, echoes it in `X-Request-Id`, and logs each answered request. */
export function requestContext(logger: Logger): RequestHandler {
  const logsRequests = logger.isLevelEnabled("info");
  return (req, res, next) => {
    const incoming = req.headers["x-request-id"];
    const requestId =
      typeof incoming === "string" && ACCEPTED_REQUEST_ID.test(incoming) ? incoming : `req_${randomUUID()}`;
    res.locals.requestId = requestId;
    res.setHeader("X-Request-Id", requestId);
    if (logsRequests) {
      const started = performance.now();
      res.on("finish", () => logger.info(accessLine(req, res, requestId, started), "request"));
    }
    next();
  };
}

function accessLine(req: Request, res: Response, requestId: string, started: number) {
  const url = req.originalUrl;
  const query = url.indexOf("?");
  return {
    request_id: requestId,
    method: req.method,
    // Never the query string: it may hold a key.
    path: query === -1 ? url : url.slice(0, query),
    status: res.statusCode,
    ms: Math.round((performance.now() - started) * 100) / 100,
  };
}
