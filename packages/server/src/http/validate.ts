import type { z } from "zod";
import { HttpError } from "./http-error.js";

/**
 * `input` checked and shaped by `schema` (unknown fields dropped), or a 400 naming the first
 * field at fault: "Missing required field" when it is absent, "Invalid field" otherwise.
 */
export function validate<S extends z.ZodType>(schema: S, input: unknown, pathPrefix = ""): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  // An unknown field is named itself, not the object that holds it.
  const path = issue.code === "unrecognized_keys" ? [...issue.path, issue.keys[0]!] : issue.path;
  const field = pathPrefix + fieldName(path);
  if (issue.code !== "unrecognized_keys" && valueAt(input, issue.path) === undefined) {
    return missing(field);
  }
  throw new HttpError(400, "Invalid field", { field, message: issue.message });
}

function missing(field: string): never {
  throw new HttpError(400, "Missing required field", { field });
}

/** `events[2].x` style. */
function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === "number" ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`))
    .join("");
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const part of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}
