import type { IncomingMessage } from "node:http";
import type { RequestHandler } from "express";
import { LIMITS } from "../limits.js";
import { HttpError } from "./http-error.js";

export interface JsonBodyOptions {
  /** Also read a `text/plain` body as JSON: what `navigator.sendBeacon` and preflight-free fetch send. */
  acceptTextPlain: boolean;
}

/** Reads the request body as JSON into `req.body` (see `readJsonBody`). */
export function jsonBody(options: JsonBodyOptions): RequestHandler {
  return (req, _res, next) => {
    readJsonBody(req, options).then((body) => {
      req.body = body;
      next();
    }, next);
  };
}

/**
 * The request body parsed as JSON (undefined when there is none), or an HttpError: 415 for a
 * wrong content type, 413 for an oversized body and 400 for malformed JSON.
 */
export function readJsonBody(req: IncomingMessage, { acceptTextPlain }: JsonBodyOptions): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const length = req.headers["content-length"];
    if (req.headers["transfer-encoding"] === undefined && (length === undefined || length === "0")) {
      resolve(undefined);
      return;
    }
    const mediaTypeProblem = checkMediaType(req.headers["content-type"], acceptTextPlain);
    if (mediaTypeProblem) {
      const accepted = acceptTextPlain ? "application/json or text/plain" : "application/json";
      reject(new HttpError(415, "Unsupported Media Type", { message: `${mediaTypeProblem}; send ${accepted}` }));
      return;
    }
    const encoding = req.headers["content-encoding"];
    if (encoding !== undefined && encoding.toLowerCase() !== "identity") {
      reject(new HttpError(415, "Unsupported Media Type", { message: `Content-Encoding ${encoding} is not supported` }));
      return;
    }
    if (length !== undefined && Number(length) > LIMITS.BODY_BYTES) {
      reject(tooLarge());
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
        reject(error);
        return;
      }
      try {
        const text = Buffer.concat(chunks, received).toString("utf8");
        resolve(text.trim() === "" ? undefined : JSON.parse(text));
      } catch (error) {
        reject(new HttpError(400, "Invalid JSON", { message: (error as Error).message }));
      }
    };
    const onData = (chunk: Buffer): void => {
      received += chunk.length;
      if (received > LIMITS.BODY_BYTES) settle(tooLarge());
      else chunks.push(chunk);
    };
    req.on("data", onData);
    req.on("end", () => settle());
    req.on("error", () => settle(new HttpError(400, "Request body could not be read")));
  });
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
