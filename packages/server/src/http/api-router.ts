import type { IncomingMessage, ServerResponse } from "node:http";
import { LIMITS } from "../limits.js";
import { streamTokenCaller } from "../live/stream-tokens.js";
import type { Services } from "../services.js";
import { identifyCaller } from "./authenticate.js";
import { createAdminGate } from "./admin-gate.js";
import { BurstLimiter } from "./burst-limiter.js";
import { clientAddress } from "./client-address.js";
import { allowCrossOrigin, answerPreflight, checkOrigin } from "./cross-origin.js";
import { answerError } from "./error-handler.js";
import { HttpError, tooManyRequests } from "./http-error.js";
import { readJsonBody } from "./json-body.js";
import { beginRequest } from "./request-context.js";
import { Reply, RESPONSE_TAKEN, type Route, type RouteRequest } from "./route.js";
import { sendJson } from "./send-json.js";
import { validate } from "./validate.js";

/** Answers a request and returns true, or returns false when no route has its path. */
export type ApiRouter = (req: IncomingMessage, res: ServerResponse) => boolean;

interface CompiledRoute {
  route: Route;
  pattern: RegExp;
  params: string[];
}

/**
 * The one router of the API: every route of the table is answered here, on Node's own request
 * and response, with the same request ids, keys, limits, CORS and error bodies. Express's
 * per-request work costs more than storing and scoring a batch (a bare Express route answered
 * ~3,000 req/s here where node:http answered ~11,000), so the API does without it.
 */
export function apiRouter(routes: readonly Route[], services: Services): ApiRouter {
  const compiled = routes.map(compile);
  const { config } = services;
  const limiter =
    config.rateLimitPerMinute > 0 ? new BurstLimiter(config.rateLimitPerMinute, LIMITS.RATE_LIMIT_CLIENTS) : null;
  const adminGate = createAdminGate(config.adminToken, config.trustProxy);

  const answer = async (req: IncomingMessage, res: ServerResponse, match: CompiledRoute, path: RegExpExecArray, query: string) => {
    const { route } = match;
    const now = config.now();
    if (route.crossOrigin) allowCrossOrigin(req, res);
    const search = new URLSearchParams(query);
    const request = {
      req,
      res,
      params: decodeParams(match.params, path),
      query: undefined,
      body: undefined,
      caller: undefined,
      now,
    } as unknown as RouteRequest<unknown, unknown>;

    const token = route.access === "secret_or_stream_token" ? onlyValue(search, "token") : undefined;
    if (route.access === "admin") adminGate(req, now);
    else if (token !== undefined) request.caller = await streamTokenCaller(services.storage, token, now);
    else if (route.access !== "public") {
      const kinds = route.access === "secret_or_publishable" ? (["secret", "publishable"] as const) : (["secret"] as const);
      request.caller = await identifyCaller(services.keys, req, onlyValue(search, "key"), kinds, now);
      if (route.crossOrigin) checkOrigin(request.caller.account, req.headers.origin);
      if (route.burstLimited && limiter) {
        const waitMs = limiter.take(`${request.caller.keyHash.toString("base64")} ${clientAddress(req, config.trustProxy)}`, now);
        if (waitMs > 0) {
          const perMinute = config.rateLimitPerMinute;
          throw tooManyRequests(`More than ${perMinute} requests a minute from this address with this key`, waitMs, {
            limit: perMinute,
          });
        }
      }
    }
    if (route.query) request.query = validate(route.query, Object.fromEntries(search));
    if (route.body) {
      const raw = await readJsonBody(req, { acceptTextPlain: route.body.textPlain ?? false });
      request.body = route.body.parse ? route.body.parse(raw, request) : validate(route.body.schema, raw ?? {});
    }
    const result = await route.handle(request, services);
    if (result === RESPONSE_TAKEN) return;
    if (!(result instanceof Reply)) return sendJson(res, 200, result);
    for (const [name, value] of Object.entries(result.headers)) res.setHeader(name, value);
    sendJson(res, result.status, result.body);
  };

  return (req, res) => {
    const url = req.url ?? "/";
    const queryAt = url.indexOf("?");
    const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
    const method = req.method === "HEAD" ? "GET" : req.method;
    let pathMatch: RegExpExecArray | null = null;
    let found: CompiledRoute | undefined;
    const allowed: string[] = [];
    for (const candidate of compiled) {
      const match = candidate.pattern.exec(pathname);
      if (!match) continue;
      allowed.push(candidate.route.method);
      if (candidate.route.method === method) {
        found = candidate;
        pathMatch = match;
        break;
      }
    }
    if (allowed.length === 0) return false;
    beginRequest(req, res, services.logger);
    if (!found || !pathMatch) {
      const crossOrigin = compiled.some((c) => c.route.crossOrigin && c.pattern.test(pathname));
      if (method === "OPTIONS" && crossOrigin) return answerPreflight(req, res, allowed), true;
      res.setHeader("Allow", allowed.join(", "));
      answerError(
        new HttpError(405, "Method Not Allowed", { message: `${req.method} is not allowed here; use ${allowed.join(" or ")}` }),
        req,
        res,
        services.logger,
      );
      return true;
    }
    const route = found.route;
    res.once("finish", () =>
      services.metrics.requests.inc({ route: route.path, method: route.method, status: String(res.statusCode) }),
    );
    answer(req, res, found, pathMatch, queryAt === -1 ? "" : url.slice(queryAt + 1)).catch((error: unknown) =>
      answerError(error, req, res, services.logger),
    );
    return true;
  };
}

/** `/v1/sessions/:id` → a pattern matched as Express would: any case, an optional trailing slash. */
function compile(route: Route): CompiledRoute {
  const params: string[] = [];
  const source = route.path
    .split("/")
    .map((segment) => {
      if (!segment.startsWith(":")) return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      params.push(segment.slice(1));
      return "([^/]+)";
    })
    .join("/");
  return { route, pattern: new RegExp(`^${source}/?$`, "i"), params };
}

function decodeParams(names: readonly string[], match: RegExpExecArray): Record<string, string> {
  const params: Record<string, string> = {};
  names.forEach((name, i) => {
    const segment = match[i + 1]!;
    try {
      params[name] = decodeURIComponent(segment);
    } catch {
      throw new HttpError(400, "Bad Request", { message: `Failed to decode param '${segment}'` });
    }
  });
  return params;
}

/** A query parameter given exactly once; a repeated one counts as absent. */
function onlyValue(search: URLSearchParams, name: string): string | undefined {
  const values = search.getAll(name);
  return values.length === 1 ? values[0] : undefined;
}
