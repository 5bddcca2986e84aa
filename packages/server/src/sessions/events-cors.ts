import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestHandler } from "express";
import type { Caller } from "../http/authenticate.js";
import { forbidden } from "../http/http-error.js";
import { LIMITS } from "../limits.js";

/** Answers a browser's preflight for posting events. */
export const eventsPreflight: RequestHandler = (req, res) => {
  allowEventsOrigin(req, res);
  res.setHeader("Access-Control-Allow-Methods", "POST, OPTIONS");
  res.setHeader("Access-Control-Allow-Headers", "Content-Type, X-Api-Key, Authorization, X-Request-Id");
  res.setHeader("Access-Control-Max-Age", String(LIMITS.PREFLIGHT_MAX_AGE_S));
  res.status(204).end();
};

/** Lets pages on any site post events, including reading error answers such as a 429. */
export function allowEventsOrigin(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader("Access-Control-Allow-Origin", req.headers.origin ?? "*");
  res.setHeader("Access-Control-Expose-Headers", "X-Request-Id");
  res.setHeader("Vary", "Origin");
}

/** Refuses a page whose origin the account has not allowed, when the account keeps a list. */
export function checkEventsOrigin({ account }: Caller, origin: string | undefined): void {
  if (account.allowedOrigins !== null && origin !== undefined && !account.allowedOrigins.includes(origin)) {
    throw forbidden(`Origin ${origin} is not allowed to post events for this account`);
  }
}
