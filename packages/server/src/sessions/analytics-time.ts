import type { MoodEvent } from "@sessionmood/engine";
import { LIMITS } from "../limits.js";

/**
 * When analytics place an event (Unix ms): at its `ts` when that lies between the start of the
 * account's retention window and a little after receipt, else at receipt. So history can be
 * imported within retention, and a wrong client clock moves nothing into the future or into
 * what is about to be purged.
 */
export function analyticsTime(event: MoodEvent, receivedAt: number, retentionMs: number): number {
  const at = (event.ts ?? receivedAt / 1000) * 1000;
  return at < receivedAt - retentionMs || at > receivedAt + LIMITS.FUTURE_TOLERANCE_S * 1000 ? receivedAt : at;
}
