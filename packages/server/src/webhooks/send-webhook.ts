import http from "node:http";
import https from "node:https";
import { Webhook } from "standardwebhooks";
import { resolveTarget, TargetRefused } from "./webhook-target.js";

export interface SendOutcome {
  /** The receiver answered 2xx. */
  delivered: boolean;
  statusCode: number | null;
  error: string | null;
}

/** At most this much of a receiver's answer is read: only its status matters. */
const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * POSTs one signed event (Standard Webhooks: `webhook-id`, `webhook-timestamp`,
 * `webhook-signature`) to `url`, at the address checked by `resolveTarget`, within `timeoutMs`.
 * Never throws: what happened is in the outcome.
 */
export async function sendWebhook(
  target: { url: string; secret: string },
  webhookId: string,
  payload: string,
  options: { allowPrivate: boolean; timeoutMs: number; now: number },
): Promise<SendOutcome> {
  try {
    const url = new URL(target.url);
    const { address, family } = await resolveTarget(url, options.allowPrivate);
    const sentAt = new Date(options.now);
    const signature = new Webhook(target.secret).sign(webhookId, sentAt, payload);
    const statusCode = await post(url, { address, family }, payload, options.timeoutMs, {
      "content-type": "application/json",
      "user-agent": "SessionMood-Webhooks",
      "webhook-id": webhookId,
      "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
      "webhook-signature": signature,
    });
    const delivered = statusCode >= 200 && statusCode < 300;
    return { delivered, statusCode, error: delivered ? null : `the receiver answered ${statusCode}` };
  } catch (error) {
    const message = error instanceof TargetRefused ? `refused: ${error.message}` : errorMessage(error);
    return { delivered: false, statusCode: null, error: message };
  }
}

function post(
  url: URL,
  pinned: { address: string; family: number },
  body: string,
  timeoutMs: number,
  headers: Record<string, string>,
): Promise<number> {
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: "POST",
        headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
        // The address already checked, whatever DNS would answer now.
        lookup: (_host, options, callback) => {
          if ((options as { all?: boolean }).all) callback(null, [pinned] as never);
          else callback(null, pinned.address, pinned.family);
        },
        signal: AbortSignal.timeout(timeoutMs),
        agent: false,
      },
      (response) => {
        let read = 0;
        response.on("data", (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_ANSWER_BYTES) response.destroy();
        });
        response.on("close", () => resolve(response.statusCode ?? 0));
        response.on("error", () => resolve(response.statusCode ?? 0));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

function errorMessage(error: unknown): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) return "the receiver did not answer in time";
  const code = (error as { code?: string }).code;
  return code ? `could not reach the receiver (${code})` : error instanceof Error ? error.message : String(error);
}
