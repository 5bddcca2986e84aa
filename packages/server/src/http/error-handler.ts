import { STATUS_CODES, type IncomingMessage, type ServerResponse } from "node:http";
import type { ErrorRequestHandler, RequestHandler } from "express";
import type { Logger } from "../logger.js";
import { HttpError } from "./http-error.js";
import { loggedPath, pathOf, requestIdOf } from "./request-context.js";
import { sendJson } from "./send-json.js";

/** Answers a request no route matched. */
export const routeNotFound: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, "Not Found", { message: `No route for ${req.method} ${pathOf(req)}` }));
};

/**
 * The one error handler, registered after every route: answers anything thrown with the
 * contract's error body (see `answerError`).
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => answerError(error, req, res, logger);
}

/**
 * Answers `error` with the contract's error body. Client errors raised by Express itself (an
 * undecodable path parameter, a static file it refuses) keep their 4xx status; everything else
 * is a 500 without details.
 */
export function answerError(error: unknown, req: IncomingMessage, res: ServerResponse, logger: Logger): void {
  const httpError = toHttpError(error);
  const requestId = requestIdOf(res);
  if (res.headersSent) {
    logger.error({ err: error, request_id: requestId }, "error after the response started");
    req.socket.destroy();
    return;
  }
  if (httpError) {
    for (const [name, value] of Object.entries(httpError.headers)) res.setHeader(name, value);
    sendJson(res, httpError.status, httpError.body());
    return;
  }
  logger.error({ err: error, request_id: requestId, method: req.method, path: loggedPath(req) }, "request failed");
  sendJson(res, 500, { error: "Internal Server Error", request_id: requestId });
}

/** The client error `error` stands for, or undefined when it is a fault of the server. */
function toHttpError(error: unknown): HttpError | undefined {
  if (error instanceof HttpError) return error;
  if (typeof error !== "object" || error === null) return undefined;
  const status = (error as { status?: unknown }).status ?? (error as { statusCode?: unknown }).statusCode;
  if (typeof status !== "number" || status < 400 || status > 499) return undefined;
  const expose = (error as { expose?: unknown }).expose !== false;
  const message = (error as { message?: unknown }).message;
  return new HttpError(status, STATUS_CODES[status] ?? "Bad Request", {
    ...(expose && typeof message === "string" ? { message } : {}),
  });
}
