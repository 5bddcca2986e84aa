import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import type { Services } from "../services.js";
import type { Caller } from "./authenticate.js";

/**
 * Who may call a route: nobody in particular, the operator (the admin token, when one is set),
 * or an account's secret key, or either of its keys, or its secret key or a stream token (`?token=`).
 */
export type RouteAccess = "public" | "admin" | "secret" | "secret_or_publishable" | "secret_or_stream_token";

/** What a handler returns once it has answered on `res` itself (a stream). */
export const RESPONSE_TAKEN = Symbol("response taken");

/** How a route reads its JSON body: validated by `schema` unless `parse` does it itself. */
export interface BodySpec<B> {
  schema: z.ZodType;
  /** Also read a `text/plain` body as JSON (what `sendBeacon` and preflight-free fetch send). */
  textPlain?: boolean;
  /** Turns the raw JSON into the body the handler gets; `validate(schema)` when omitted. */
  parse?: (raw: unknown, request: RouteRequest<unknown, unknown>) => B;
}

/** What a handler is given. */
export interface RouteRequest<B, Q> {
  req: IncomingMessage;
  res: ServerResponse;
  /** Path parameters, decoded. */
  params: Record<string, string>;
  query: Q;
  body: B;
  /** The account and key kind behind the request; absent on public and admin routes. */
  caller: Caller;
  /** When the request arrived (Unix ms, the server's clock). */
  now: number;
}

/** What a handler returns for a non-200 answer, or for one with headers of its own. */
export class Reply {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {}
}

/** One entry of the route table: everything the router, the OpenAPI document and the handler need. */
export interface Route<B = unknown, Q = unknown> {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** e.g. `/v1/sessions/:id/events`; a parameter matches one path segment. */
  path: string;
  access: RouteAccess;
  /** Pages on other sites may call it (CORS, including preflight). */
  crossOrigin?: boolean;
  /** Subject to the per key and address burst limiter. */
  burstLimited?: boolean;
  /** How each path parameter is described in the API's OpenAPI document. */
  params?: Record<string, { description: string; schema: object }>;
  query?: z.ZodType<Q>;
  body?: BodySpec<B>;
  summary: string;
  description?: string;
  /** The answers besides the errors every route of its access has: status → [what it means, schema?]. */
  responses: Record<number, [string, z.ZodType?]>;
  /** The 200 body, or a `Reply`; throws an HttpError for anything else. */
  handle(request: RouteRequest<B, Q>, services: Services): unknown;
}

/** Declares a route, inferring its body and query types from its schemas. */
export function route<B = undefined, Q = Record<string, never>>(definition: Route<B, Q>): Route {
  return definition as unknown as Route;
}

