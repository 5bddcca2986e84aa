import { randomUUID } from "node:crypto";
import type { AlertCondition, StoredMoodChange, WebhookSubscription } from "../store/storage.js";

/** A new delivery's id, the receiver's key to deduplicate on. */
export const newWebhookId = (): string => `msg_${randomUUID().replaceAll("-", "")}`;

/** The body of a webhook event, as Standard Webhooks suggests: its type, when, and its data. */
function envelope(type: string, at: number, data: Record<string, unknown>): string {
  return JSON.stringify({ type, timestamp: new Date(at).toISOString(), data });
}

/** `mood.changed`, when the subscription wants this change; undefined otherwise. */
export function moodChangedPayload(webhook: WebhookSubscription, change: StoredMoodChange): string | undefined {
  if (!webhook.events.includes("mood.changed") || (webhook.moods && !webhook.moods.includes(change.to))) return undefined;
  const { id, sessionId, at, from, to, confidence, signals, page } = change;
  return envelope("mood.changed", at, {
    id,
    session_id: sessionId,
    at: new Date(at).toISOString(),
    from,
    to,
    confidence,
    signals,
    page,
  });
}

/** `alert.opened`, when the subscription wants it. */
export function alertOpenedPayload(
  webhook: WebhookSubscription,
  alert: AlertCondition & { id: number; startedAt: number },
): string | undefined {
  if (!webhook.events.includes("alert.opened")) return undefined;
  const { id, type, page, value, baseline, sessions, message, startedAt } = alert;
  return envelope("alert.opened", startedAt, {
    id,
    type,
    ...(page !== null && { page }),
    started_at: new Date(startedAt).toISOString(),
    value,
    baseline,
    sessions,
    message,
  });
}

/** The event `POST /v1/webhooks/test` sends. */
export const testPayload = (now: number): string =>
  envelope("webhook.test", now, { message: "A test event from SessionMood: your endpoint verified its signature." });
