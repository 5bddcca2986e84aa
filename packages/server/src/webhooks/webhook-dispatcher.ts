import type { ServerConfig } from "../config.js";
import { LIMITS } from "../limits.js";
import type { Logger } from "../logger.js";
import type { AttemptResult, DueDelivery, WebhookStore } from "../store/storage.js";
import { sendWebhook } from "./send-webhook.js";

/**
 * Delivers the outbox: takes due deliveries (a lease keeps other processes off them), sends each
 * with a timeout, a bounded number at once and a few per account, and records the outcome with
 * the next attempt's time. A delivery is at least once: after a crash mid-send its lease runs out
 * and it is sent again with the same `webhook-id`, which receivers deduplicate on.
 */
export class WebhookDispatcher {
  private readonly inFlight = new Map<number, number>();
  private readonly sending = new Set<Promise<void>>();
  private polling: Promise<void> | null = null;
  private pollAgain = false;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly storage: WebhookStore,
    private readonly config: ServerConfig,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.wake(), LIMITS.WEBHOOK_POLL_MS);
    this.timer.unref();
    this.wake();
  }

  /** Looks for due deliveries now: after a change was queued, or a delivery finished. */
  wake(): void {
    if (this.stopped) return;
    if (this.polling) {
      this.pollAgain = true;
      return;
    }
    this.polling = this.poll()
      .catch((error: unknown) => this.logger.error({ err: error }, "webhook outbox poll failed"))
      .finally(() => {
        this.polling = null;
        if (this.pollAgain) {
          this.pollAgain = false;
          this.wake();
        }
      });
  }

  /** Stops taking deliveries and waits for those under way. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.polling;
    await Promise.all(this.sending);
  }

  private async poll(): Promise<void> {
    const free = LIMITS.WEBHOOK_CONCURRENCY - this.sending.size;
    if (free <= 0) return;
    const now = this.config.now();
    // Long enough for the attempt and recording it; a crashed process's deliveries are free again after it.
    const leaseMs = 2 * this.config.webhookTimeoutMs;
    const due = await this.storage.claimDeliveries(now, leaseMs, free, LIMITS.WEBHOOK_CONCURRENCY_PER_ACCOUNT, [
      ...this.inFlight.keys(),
    ]);
    for (const delivery of due) this.send(delivery);
  }

  private send(delivery: DueDelivery): void {
    const { accountId } = delivery;
    this.inFlight.set(accountId, (this.inFlight.get(accountId) ?? 0) + 1);
    const sending = this.attempt(delivery)
      .catch((error: unknown) => this.logger.error({ err: error, delivery: delivery.id }, "webhook delivery failed"))
      .finally(() => {
        const left = this.inFlight.get(accountId)! - 1;
        if (left === 0) this.inFlight.delete(accountId);
        else this.inFlight.set(accountId, left);
        this.sending.delete(sending);
        this.wake();
      });
    this.sending.add(sending);
  }

  private async attempt(delivery: DueDelivery): Promise<void> {
    const now = this.config.now();
    if (!delivery.url || !delivery.secret) {
      await this.storage.finishAttempt(delivery.id, {
        status: "failed",
        statusCode: null,
        error: "the account has no webhook URL or signing secret any more",
        nextAttemptAt: now,
      });
      return;
    }
    const outcome = await sendWebhook({ url: delivery.url, secret: delivery.secret }, delivery.webhookId, delivery.payload, {
      allowPrivate: this.config.webhookAllowPrivate,
      timeoutMs: this.config.webhookTimeoutMs,
      now,
    });
    const result: AttemptResult = outcome.delivered
      ? { status: "delivered", statusCode: outcome.statusCode, error: null, nextAttemptAt: now }
      : { ...retryAfter(delivery, now, this.config.webhookRetryScale), statusCode: outcome.statusCode, error: outcome.error };
    await this.storage.finishAttempt(delivery.id, result);
  }
}

/** When a failed delivery is tried next (5 s, 30 s, 2 min, 10 min, 1 h, then every 3 h), or that it failed for good after a day. */
export function retryAfter(delivery: { attempts: number; createdAt: number }, now: number, scale: number): Pick<AttemptResult, "status" | "nextAttemptAt"> {
  const schedule = LIMITS.WEBHOOK_RETRY_DELAYS_S;
  const delayS = schedule[delivery.attempts] ?? LIMITS.WEBHOOK_RETRY_EVERY_S;
  // ±10%, so receivers coming back after an outage are not hit by every delivery at once.
  const jitter = 0.9 + Math.random() * 0.2;
  const nextAttemptAt = now + Math.round(delayS * 1000 * scale * jitter);
  if (nextAttemptAt > delivery.createdAt + LIMITS.WEBHOOK_GIVE_UP_S * 1000 * scale) return { status: "failed", nextAttemptAt: now };
  return { status: "pending", nextAttemptAt };
}
