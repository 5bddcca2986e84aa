import type { Request, RequestHandler, Response } from "express";
import { hashKey, isSecretKeyForm, sameHash } from "../keys/api-key.js";
import type { Account, KeyKind, SessionStore } from "../store/session-store.js";
import { forbidden, HttpError, unauthorized } from "./http-error.js";

/** Who is calling: the account a valid key opened, and which kind of key it was. */
export interface Caller {
  account: Account;
  keyKind: KeyKind;
}

/** The caller `authenticate` let through. */
export function callerOf(res: Response): Caller {
  return res.locals.caller as Caller;
}

/**
 * Lets a request through with a live key of the kinds given, from `X-Api-Key`,
 * `Authorization: Bearer` or, for publishable keys only, the `key` query parameter.
 */
export function authenticate(store: SessionStore, accepts: readonly KeyKind[]): RequestHandler {
  return (req, res, next) => {
    const key = presentedKey(req);
    if (key === undefined) throw unauthorized();
    const hash = hashKey(key.value);
    const stored = store.findKey(hash);
    if (!stored || !sameHash(stored.keyHash, hash)) throw unauthorized();
    if (key.inQuery && stored.kind !== "publishable") throw secretKeyInQuery();
    if (!accepts.includes(stored.kind)) {
      throw forbidden("A publishable key may only post events; use the account's secret key");
    }
    res.locals.caller = { account: stored.account, keyKind: stored.kind } satisfies Caller;
    next();
  };
}

/** The key a request presents, from its headers or else its query string. */
function presentedKey(req: Request): { value: string; inQuery: boolean } | undefined {
  const header = req.headers["x-api-key"];
  if (typeof header === "string" && header.trim() !== "") return { value: header.trim(), inQuery: false };
  const bearer = bearerToken(req);
  if (bearer !== undefined) return { value: bearer, inQuery: false };
  const query = req.query.key;
  if (typeof query !== "string" || query === "") return undefined;
  // Refused before any lookup: a URL ends up in logs, proxies and browser history.
  if (isSecretKeyForm(query)) throw secretKeyInQuery();
  return { value: query, inQuery: true };
}

/** The token of `Authorization: Bearer <token>`, if the request has one. */
export function bearerToken(req: Request): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "");
  return match?.[1];
}

function secretKeyInQuery(): HttpError {
  return new HttpError(401, "Unauthorized", {
    message: "Secret keys are refused in the query string; send them in the X-Api-Key header",
  });
}
