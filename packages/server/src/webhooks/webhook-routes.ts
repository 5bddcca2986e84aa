import { randomBytes } from "node:crypto";
import { z } from "zod";
import { HttpError } from "../http/http-error.js";
import { idParam } from "../http/id-param.js";
import { Reply, route } from "../http/route.js";
import { LIMITS } from "../limits.js";
import type { Delivery } from "../store/storage.js";
import { sendWebhook } from "./send-webhook.js";
import { newWebhookId, testPayload } from "./webhook-payload.js";

const WebhookSecretSchema = z
  .object({ secret: z.string().describe("whsec_…: shown only this once; receivers verify signatures with it.") })
  .meta({ id: "WebhookSecret" });

const DeliverySchema = z
  .object({
    id: z.number().int(),
    webhook_id: z.string().describe("Sent as webhook-id: the same on every attempt, for receivers to deduplicate on."),
    event: z.string(),
    status: z.enum(["pending", "delivered", "failed"]),
    attempts: z.number().int(),
    last_status_code: z.number().int().nullable(),
    last_error: z.string().nullable(),
    next_attempt_at: z.string().nullable().describe("While pending: when the next attempt is due."),
  })
  .meta({ id: "WebhookDelivery" });

const DeliveriesSchema = z.object({ deliveries: z.array(DeliverySchema) }).meta({ id: "WebhookDeliveries" });

const WebhookTestSchema = z
  .object({
    delivered: z.boolean(),
    webhook_id: z.string(),
    status_code: z.number().int().nullable(),
    error: z.string().nullable(),
  })
  .meta({ id: "WebhookTest" });

function deliveryBody(delivery: Delivery): z.infer<typeof DeliverySchema> {
  return {
    id: delivery.id,
    webhook_id: delivery.webhookId,
    event: delivery.event,
    status: delivery.status,
    attempts: delivery.attempts,
    last_status_code: delivery.lastStatusCode,
    last_error: delivery.lastError,
    next_attempt_at: delivery.status === "pending" ? new Date(delivery.nextAttemptAt).toISOString() : null,
  };
}

/** POST /v1/webhooks/secret. */
export const webhookSecretRoute = route({
  method: "POST",
  path: "/v1/webhooks/secret",
  access: "secret",
  summary: "Create or rotate the webhook signing secret",
  description: "Deliveries are signed with it from now on, retries of earlier ones included. Shown only in this answer.",
  responses: { 201: ["The new secret.", WebhookSecretSchema] },
  async handle({ caller }, { storage, keys }) {
    const secret = `whsec_${randomBytes(32).toString("base64")}`;
    await storage.setWebhookSecret(caller.account.id, secret);
    keys.forgetAccount(caller.account.id);
    return new Reply(201, { secret });
  },
});

/** GET /v1/webhooks/deliveries. */
export const listDeliveriesRoute = route({
  method: "GET",
  path: "/v1/webhooks/deliveries",
  access: "secret",
  summary: "The latest webhook deliveries",
  responses: { 200: [`At most ${LIMITS.WEBHOOK_DELIVERIES_LISTED}, newest first.`, DeliveriesSchema] },
  async handle({ caller }, { storage }): Promise<z.infer<typeof DeliveriesSchema>> {
    const deliveries = await storage.listDeliveries(caller.account.id, LIMITS.WEBHOOK_DELIVERIES_LISTED);
    return { deliveries: deliveries.map(deliveryBody) };
  },
});

/** POST /v1/webhooks/deliveries/:id/retry. */
export const retryDeliveryRoute = route({
  method: "POST",
  path: "/v1/webhooks/deliveries/:id/retry",
  params: { id: { description: "The delivery's id.", schema: { type: "integer" } } },
  access: "secret",
  summary: "Send a delivery again now",
  description: "With the same webhook-id, so a receiver that got it before can tell.",
  responses: { 200: ["Queued.", DeliverySchema], 404: ["No such delivery for this account."] },
  async handle({ params, caller, now }, { storage, webhooks }): Promise<z.infer<typeof DeliverySchema>> {
    const id = idParam(params.id);
    const delivery = id === undefined ? undefined : await storage.retryDelivery(caller.account.id, id, now);
    if (!delivery) throw new HttpError(404, "Delivery not found", { message: `No delivery ${params.id} for this account` });
    webhooks.wake();
    return deliveryBody(delivery);
  },
});

/** POST /v1/webhooks/test. */
export const testWebhookRoute = route({
  method: "POST",
  path: "/v1/webhooks/test",
  access: "secret",
  summary: "Send a signed test event to the webhook now",
  description: "Sent at once, not through the outbox; the answer says what the receiver said.",
  responses: {
    200: ["What the receiver answered.", WebhookTestSchema],
    409: ["The account has no webhook URL or no signing secret yet."],
  },
  async handle({ caller, now }, { config, storage }): Promise<z.infer<typeof WebhookTestSchema>> {
    const target = await storage.webhookTarget(caller.account.id);
    if (!target) {
      throw new HttpError(409, "Conflict", {
        message: "Set settings.webhook.url and create a secret (POST /v1/webhooks/secret) first",
      });
    }
    const webhookId = newWebhookId();
    const outcome = await sendWebhook(target, webhookId, testPayload(now), {
      allowPrivate: config.webhookAllowPrivate,
      timeoutMs: config.webhookTimeoutMs,
      now,
    });
    return { delivered: outcome.delivered, webhook_id: webhookId, status_code: outcome.statusCode, error: outcome.error };
  },
});
