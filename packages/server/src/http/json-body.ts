import type { IncomingMessage } from "node:http";
import { parse as parseContentType } from "content-type";
import getRawBody from "raw-body";
import { LIMITS } from "../limits.js";
import { HttpError } from "./http-error.js";

export interface JsonBodyOptions {
  /** Also read a `text/plain` body as JSON: what `navigator.sendBeacon` and preflight-free fetch send. */
  acceptTextPlain: boolean;
}

/**
 * The request body parsed as JSON (undefined when there is none), or an HttpError: 415 for a
 * wrong content type or encoding, 413 for an oversized body and 400 for malformed JSON. The body
 * is read by `raw-body` (Express's own reader), which enforces the limit while reading.
 */
export async function readJsonBody(req: IncomingMessage, { acceptTextPlain }: JsonBodyOptions): Promise<unknown> {
  const length = req.headers["content-length"];
  if (req.headers["transfer-encoding"] === undefined && (length === undefined || length === "0")) return undefined;
  const mediaTypeProblem = checkMediaType(req, acceptTextPlain);
  if (mediaTypeProblem) {
    const accepted = acceptTextPlain ? "application/json or text/plain" : "application/json";
    throw refuse(req, new HttpError(415, "Unsupported Media Type", { message: `${mediaTypeProblem}; send ${accepted}` }));
  }
  const encoding = req.headers["content-encoding"];
  if (encoding !== undefined && encoding.toLowerCase() !== "identity") {
    throw refuse(req, new HttpError(415, "Unsupported Media Type", { message: `Content-Encoding ${encoding} is not supported` }));
  }

  let raw: Buffer;
  try {
    raw = await getRawBody(req, { length, limit: LIMITS.BODY_BYTES });
  } catch (error) {
    const tooLarge = (error as { type?: string }).type === "entity.too.large";
    throw refuse(
      req,
      tooLarge
        ? new HttpError(413, "Payload Too Large", { message: `The body exceeds ${LIMITS.BODY_BYTES} bytes`, limit: LIMITS.BODY_BYTES })
        : new HttpError(400, "Request body could not be read"),
    );
  }
  const text = raw.toString("utf8");
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, "Invalid JSON", { message: (error as Error).message });
  }
}

/** Reads and drops the rest of the body, so that the answer reaches a client still sending. */
function refuse(req: IncomingMessage, error: HttpError): HttpError {
  req.resume();
  return error;
}

/** What is wrong with the Content-Type, or undefined when it is acceptable. */
function checkMediaType(req: IncomingMessage, acceptTextPlain: boolean): string | undefined {
  const header = req.headers["content-type"];
  if (header === undefined) return "Content-Type is missing";
  let type: string;
  let charset: string | undefined;
  try {
    const parsed = parseContentType(header);
    type = parsed.type;
    charset = parsed.parameters.charset?.toLowerCase();
  } catch {
    return `Content-Type ${header || "(empty)"} cannot be read`;
  }
  if (type !== "application/json" && !(acceptTextPlain && type === "text/plain")) return `Content-Type ${type} is not accepted`;
  if (charset !== undefined && charset !== "utf-8" && charset !== "utf8") return `charset ${charset} is not accepted`;
  return undefined;
}
