import type { RequestHandler } from "express";
import { LIMITS } from "../limits.js";
import { HttpError } from "./http-error.js";

export interface JsonBodyOptions {
  /** Also read a `text/plain` body as JSON: what `navigator.sendBeacon` and preflight-free fetch send. */
  acceptTextPlain: boolean;
}

/**
 * Reads the request body as JSON into `req.body` (undefined when there is none), answering a
 * wrong content type with 415, an oversized body with 413 and malformed JSON with 400.
 */
export function jsonBody({ acceptTextPlain }: JsonBodyOptions): RequestHandler {
  const accepted = acceptTextPlain ? "application/json or text/plain" : "application/json";
  return (req, _res, next) => {
    req.body = undefined;
    const length = req.headers["content-length"];
    if (req.headers["transfer-encoding"] === undefined && (length === undefined || length === "0")) {
      next();
      return;
    }
    const contentType = req.headers["content-type"];
    const mediaTypeProblem = checkMediaType(contentType, acceptTextPlain);
    if (mediaTypeProblem) {
      next(new HttpError(415, "Unsupported Media Type", { message: `${mediaTypeProblem}; send ${accepted}` }));
      return;
    }
    const encoding = req.headers["content-encoding"];
    if (encoding !== undefined && encoding.toLowerCase() !== "identity") {
      next(new HttpError(415, "Unsupported Media Type", { message: `Content-Encoding ${encoding} is not supported` }));
      return;
    }
    if (length !== undefined && Number(length) > LIMITS.BODY_BYTES) {
      next(tooLarge());
      return;
    }

    const chunks: Buffer[] = [];
    let received = 0;
    let settled = false;
    const settle = (error?: HttpError): void => {
      if (settled) return;
      settled = true;
      req.removeListener("data", onData);
      if (error) {
        // Read and drop the rest, so the answer reaches a client still sending.
        req.resume();
        next(error);
        return;
      }
      try {
        const text = Buffer.concat(chunks, received).toString("utf8");
        req.body = text.trim() === "" ? undefined : JSON.parse(text);
      } catch (error) {
        next(new HttpError(400, "Invalid JSON", { message: (error as Error).message }));
        return;
      }
      next();
    };
    const onData = (chunk: Buffer): void => {
      received += chunk.length;
      if (received > LIMITS.BODY_BYTES) settle(tooLarge());
      else chunks.push(chunk);
    };
    req.on("data", onData);
    req.on("end", () => settle());
    req.on("error", () => settle(new HttpError(400, "Request body could not be read")));
  };
}

function tooLarge(): HttpError {
  return new HttpError(413, "Payload Too Large", { message: `The body exceeds ${LIMITS.BODY_BYTES} bytes`, limit: LIMITS.BODY_BYTES });
}

/** What is wrong with the Content-Type, or undefined when it is acceptable. */
function checkMediaType(header: string | undefined, acceptTextPlain: boolean): string | undefined {
  if (header === undefined) return "Content-Type is missing";
  const [type = "", ...parameters] = header.split(";");
  const mediaType = type.trim().toLowerCase();
  if (mediaType !== "application/json" && !(acceptTextPlain && mediaType === "text/plain")) {
    return `Content-Type ${mediaType || "(empty)"} is not accepted`;
  }
  for (const parameter of parameters) {
    const [name = "", value = ""] = parameter.split("=");
    if (name.trim().toLowerCase() !== "charset") continue;
    const charset = value.trim().replace(/^"|"$/g, "").toLowerCase();
    if (charset !== "utf-8" && charset !== "utf8") return `charset ${charset} is not accepted`;
  }
  return undefined;
}
