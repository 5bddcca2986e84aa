import { ownRequests } from "../lib/requestWatch.js";

/** The server's answer to a batch: its status, JSON body (null if it had none) and `Retry-After` in ms (0 if none). */
export interface Answer {
  status: number;
  body: Record<string, unknown> | null;
  retryAfterMs: number;
}

/** keepalive requests share a 64 KB budget per page; bigger bodies go without it. */
const KEEPALIVE_MAX_BYTES = 60_000;

/**
 * Sends a batch with `fetch`; resolves to null when no answer came (network error). The body is
 * JSON in a `text/plain` request and the publishable key is in the URL, which keeps it a CORS
 * "simple" request: no preflight round trip per batch, and the same request a beacon makes.
 */
export async function postEvents(url: string, batch: object): Promise<Answer | null> {
  const body = JSON.stringify(batch);
  const init: RequestInit = {
    method: "POST",
    // A string body is sent as text/plain;charset=UTF-8 without naming it.
    body,
    // Three bytes per character is the worst case of UTF-8 for what JSON.stringify produces.
    keepalive: body.length * 3 < KEEPALIVE_MAX_BYTES,
  };
  ownRequests.add(init);
  try {
    const response = await fetch(url, init);
    return {
      status: response.status,
      body: await response.json().catch(() => null),
      // Seconds; the HTTP-date form is not used by the server.
      retryAfterMs: Number(response.headers.get("Retry-After")) * 1000 || 0,
    };
  } catch {
    return null;
  }
}

/** Hands a batch to the browser to deliver even after the page is gone; false if it refused. */
export function beaconEvents(url: string, batch: object): boolean {
  try {
    return navigator.sendBeacon(url, new Blob([JSON.stringify(batch)], { type: "text/plain" }));
  } catch {
    return false;
  }
}
