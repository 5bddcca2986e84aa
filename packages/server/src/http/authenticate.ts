import type { IncomingMessage } from "node:http";
import { hashKey, isSecretKeyForm, sameHash } from "../keys/api-key.js";
import type { KeyCache } from "../keys/key-cache.js";
import type { Account, KeyKind } from "../store/storage.js";
import { forbidden, HttpError, unauthorized } from "./http-error.js";

/** Who is calling: the account a valid key opened, which kind of key it was, and its hash. */
export interface Caller {
  account: Account;
  keyKind: KeyKind | "stream_token";
  keyHash: Buffer;
}

/**
 * The caller behind a live key of the kinds given, from `X-Api-Key`, `Authorization: Bearer`
 * or, for publishable keys only, the `key` query parameter; a 401 or 403 otherwise.
 */
export async function identifyCaller(
  keys: KeyCache,
  req: IncomingMessage,
  queryKey: string | undefined,
  accepts: readonly KeyKind[],
  now: number,
): Promise<Caller> {
  const key = presentedKey(req, queryKey);
  if (key === undefined) throw unauthorized();
  const hash = hashKey(key.value);
  const stored = await keys.find(hash, now);
  if (!stored || !sameHash(stored.keyHash, hash)) throw unauthorized();
  if (key.inQuery && stored.kind !== "publishable") throw secretKeyInQuery();
  if (!accepts.includes(stored.kind)) {
    throw forbidden("A publishable key may only post events; use the account's secret key");
  }
  return { account: stored.account, keyKind: stored.kind, keyHash: hash };
}

/** The key a request presents, from its headers or else its query string. */
function presentedKey(req: IncomingMessage, queryKey: string | undefined): { value: string; inQuery: boolean } | undefined {
  const header = req.headers["x-api-key"];
  if (typeof header === "string" && header.trim() !== "") return { value: header.trim(), inQuery: false };
  const bearer = bearerToken(req);
  if (bearer !== undefined) return { value: bearer, inQuery: false };
  if (queryKey === undefined || queryKey === "") return undefined;
  // Refused before any lookup: a URL ends up in logs, proxies and browser history.
  if (isSecretKeyForm(queryKey)) throw secretKeyInQuery();
  return { value: queryKey, inQuery: true };
}

/** The token of `Authorization: Bearer <token>`, if the request has one. */
export function bearerToken(req: IncomingMessage): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "");
  return match?.[1];
}

function secretKeyInQuery(): HttpError {
  return new HttpError(401, "Unauthorized", {
    message: "Secret keys are refused in the query string; send them in the X-Api-Key header",
  });
}
