import type { Request, RequestHandler, Response } from "express";
import { callerOf } from "../http/authenticate.js";
import { forbidden } from "../http/http-error.js";
import { LIMITS } from "../limits.js";

/** Lets pages on any site post events, including reading error answers such as a 429. */
export const eventsCorsHeaders: RequestHandler = (req, res, next) => {
  allowOrigin(req, res);
  next();
};

/** Answers a browser's preflight for posting events. */
export const eventsPreflight: RequestHandler = (req, res) => {
  allowOrigin(req, res);
  res.setHeader("Access-Control-Allow-Methods", "POST, OPTIONS");
  res.setHeader("Access-Control-Allow-Headers", "Content-Type, X-Api-Key, Authorization, X-Request-Id");
  res.setHeader("Access-Control-Max-Age", String(LIMITS.PREFLIGHT_MAX_AGE_S));
  res.status(204).end();
};

/** Refuses a page whose origin the account has not allowed, when the account keeps a list. */
export const checkEventsOrigin: RequestHandler = (req, res, next) => {
  const allowed = callerOf(res).account.allowedOrigins;
  const origin = req.headers.origin;
  if (allowed !== null && origin !== undefined && !allowed.includes(origin)) {
    throw forbidden(`Origin ${origin} is not allowed to post events for this account`);
  }
  next();
};

function allowOrigin(req: Request, res: Response): void {
  res.setHeader("Access-Control-Allow-Origin", req.headers.origin ?? "*");
  res.setHeader("Access-Control-Expose-Headers", "X-Request-Id");
  res.setHeader("Vary", "Origin");
}
