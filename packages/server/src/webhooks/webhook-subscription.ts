import type { Account, WebhookSubscription } from "../store/storage.js";

/** What the account's webhook wants delivered, or null while it has no URL or no secret to sign with. */
export function webhookSubscription(account: Account): WebhookSubscription | null {
  const { url, events, moods } = account.settings.webhook;
  return url && account.hasWebhookSecret && events.length > 0 ? { events, moods } : null;
}
