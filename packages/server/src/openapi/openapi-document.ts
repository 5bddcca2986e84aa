import { z } from "zod";
import { ErrorBodySchema } from "../http/error-body.js";
import type { Route, RouteAccess } from "../http/route.js";
import { VERSION } from "../version.js";

type Schema = z.ZodType;

const ref = (schema: Schema) => {
  const id = z.globalRegistry.get(schema)?.id;
  if (id === undefined) throw new Error("Every schema in the API's description needs an id (.meta({ id }))");
  return { $ref: `#/components/schemas/${id}` };
};
const json = (schema: Schema) => ({ content: { "application/json": { schema: ref(schema) } } });
const answer = (description: string, schema: Schema | undefined, status: number) =>
  schema ? { description, ...json(schema) } : status >= 400 ? { description, ...json(ErrorBodySchema) } : { description };

const SECURITY: Record<RouteAccess, object[] | undefined> = {
  public: [],
  admin: [{}, { bearer: [] }],
  secret: undefined,
  secret_or_publishable: [{ apiKey: [] }, { bearer: [] }, { publishableKeyQuery: [] }],
  secret_or_stream_token: [{ apiKey: [] }, { bearer: [] }, { streamToken: [] }],
};

const KEY_ERRORS = {
  401: answer("Missing, unknown, expired or revoked key.", undefined, 401),
  403: answer("A publishable key where a secret key is needed, or a page origin the account does not allow.", undefined, 403),
};

/** The OpenAPI 3.1 description of the API, built from its route table and the schemas that validate it. */
export function openApiDocument(routes: readonly Route[]): object {
  // Every schema the routes use carries an id in zod's global registry; each becomes a component.
  const { schemas } = z.toJSONSchema(z.globalRegistry, {
    target: "draft-2020-12",
    io: "input",
    uri: (id) => `#/components/schemas/${id}`,
  });
  const paths: Record<string, Record<string, object>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, "{$1}");
    (paths[path] ??= {})[route.method.toLowerCase()] = operation(route);
    if (route.crossOrigin) {
      paths[path].options = { summary: "CORS preflight", security: [], responses: { 204: { description: "Allowed." } } };
    }
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "SessionMood API",
      version: VERSION,
      description: "Behavioural events in, the visitor's mood and a suggested action out.",
    },
    components: {
      schemas,
      securitySchemes: {
        apiKey: { type: "apiKey", in: "header", name: "X-Api-Key" },
        bearer: { type: "http", scheme: "bearer" },
        publishableKeyQuery: { type: "apiKey", in: "query", name: "key", description: "Publishable keys only." },
        streamToken: { type: "apiKey", in: "query", name: "token", description: "A stream token, on the stream routes only." },
      },
    },
    security: [{ apiKey: [] }, { bearer: [] }],
    paths,
  };
}

function operation(route: Route): object {
  const parameters = [...route.path.matchAll(/:(\w+)/g)].map(([, name]) => ({
    name,
    in: "path",
    required: true,
    ...(route.params?.[name!] ?? { schema: { type: "string" } }),
  }));
  if (route.query) {
    const query = z.toJSONSchema(route.query, { io: "input" }) as { properties?: object; required?: string[] };
    for (const [name, schema] of Object.entries(query.properties ?? {})) {
      parameters.push({ name, in: "query", required: query.required?.includes(name) ?? false, schema });
    }
  }
  const responses: Record<number, object> = {};
  for (const [status, [description, schema]] of Object.entries(route.responses)) {
    responses[Number(status)] = answer(description, schema, Number(status));
  }
  if (route.body || route.query || parameters.length) responses[400] ??= answer("An invalid field, named in `field`.", undefined, 400);
  if (route.access === "secret" || route.access === "secret_or_publishable") Object.assign(responses, KEY_ERRORS);
  if (route.access === "admin") responses[401] = answer("Signup is closed and the admin token is missing or wrong.", undefined, 401);
  if (route.body) {
    responses[413] = answer("The body is over the size limit.", undefined, 413);
    responses[415] = answer("The body is not JSON.", undefined, 415);
  }
  const content = route.body && {
    "application/json": { schema: ref(route.body.schema) },
    ...(route.body.textPlain && { "text/plain": { schema: ref(route.body.schema) } }),
  };
  return {
    summary: route.summary,
    ...(route.description && { description: route.description }),
    ...(SECURITY[route.access] && { security: SECURITY[route.access] }),
    ...(parameters.length && { parameters }),
    ...(content && { requestBody: { required: true, content } }),
    responses,
  };
}
