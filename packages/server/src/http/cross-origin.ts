import type { IncomingMessage, ServerResponse } from "node:http";
import { LIMITS } from "../limits.js";
import type { Account } from "../store/storage.js";
import { forbidden } from "./http-error.js";

/** Lets pages on any site call the route and read its answers, errors and retry hints included. */
export function allowCrossOrigin(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader("Access-Control-Allow-Origin", req.headers.origin ?? "*");
  res.setHeader("Access-Control-Expose-Headers", "X-Request-Id, Retry-After");
  res.setHeader("Vary", "Origin");
}

/** Answers a browser's preflight for a cross-origin route. */
export function answerPreflight(req: IncomingMessage, res: ServerResponse, methods: readonly string[]): void {
  allowCrossOrigin(req, res);
  res.setHeader("Access-Control-Allow-Methods", [...methods, "OPTIONS"].join(", "));
  res.setHeader("Access-Control-Allow-Headers", "Content-Type, X-Api-Key, Authorization, X-Request-Id");
  res.setHeader("Access-Control-Max-Age", String(LIMITS.PREFLIGHT_MAX_AGE_S));
  res.statusCode = 204;
  res.end();
}

/** Refuses a page whose origin the account has not allowed, when the account keeps a list. */
export function checkOrigin(account: Account, origin: string | undefined): void {
  if (account.allowedOrigins !== null && origin !== undefined && !account.allowedOrigins.includes(origin)) {
    throw forbidden(`Origin ${origin} is not allowed to post events for this account`);
  }
}
