import type { MoodEvent } from "@sessionmood/engine";
import { ownRequests } from "../lib/requestWatch.js";

/** The server's answer to a batch: its status and JSON body (null if it had none). */
export interface Answer {
  status: number;
  body: Record<string, unknown> | null;
}

/** keepalive requests share a 64 KB budget per page; bigger bodies go without it. */
const KEEPALIVE_MAX_BYTES = 60_000;

/**
 * Sends a batch with `fetch`; resolves to null when no answer came (network error). The body is
 * JSON in a `text/plain` request and the publishable key is in the URL, which keeps it a CORS
 * "simple" request: no preflight round trip per batch, and the same request a beacon makes.
 */
export async function postEvents(url: string, events: MoodEvent[]): Promise<Answer | null> {
  const body = JSON.stringify({ events });
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
    return { status: response.status, body: await response.json().catch(() => null) };
  } catch {
    return null;
  }
}

/** Hands a batch to the browser to deliver even after the page is gone; false if it refused. */
export function beaconEvents(url: string, events: MoodEvent[]): boolean {
  try {
    return navigator.sendBeacon(url, new Blob([JSON.stringify({ events })], { type: "text/plain" }));
  } catch {
    return false;
  }
}
