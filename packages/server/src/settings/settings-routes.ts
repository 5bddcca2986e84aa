import { z } from "zod";
import { HttpError } from "../http/http-error.js";
import { route } from "../http/route.js";
import { OriginSchema } from "../keys/key-schemas.js";
import { learnPolicy } from "../learning/learn-policy.js";
import { LIMITS } from "../limits.js";
import { retentionDays, type PlanTable } from "../plans.js";
import type { Account } from "../store/storage.js";
import { MOODS } from "@sessionmood/engine";
import { checkWebhookUrl, TargetRefused } from "../webhooks/webhook-target.js";
import { WEBHOOK_EVENTS, type AccountSettings } from "./account-settings.js";

const learningFields = {
  enabled: z.boolean().describe("Whether rated feedback may replace a mood's default action."),
  min_feedback: z
    .number()
    .int()
    .min(LIMITS.MIN_FEEDBACK_FLOOR)
    .max(LIMITS.MIN_FEEDBACK_CEILING)
    .describe("Rated outcomes an action needs before it can replace a default."),
};

const alertFields = {
  enabled: z.boolean(),
  window_hours: z.number().int().min(1).max(LIMITS.ALERT_WINDOW_HOURS_MAX).describe("The recent span an alert looks at."),
  baseline_days: z
    .number()
    .int()
    .min(1)
    .max(LIMITS.ALERT_BASELINE_DAYS_MAX)
    .describe("The span before the window that gives the usual level; at most the account's retention."),
  min_sessions: z
    .number()
    .int()
    .min(LIMITS.ALERT_MIN_SESSIONS_FLOOR)
    .max(1_000_000)
    .describe("Sessions a window, day or page needs before it can raise an alert."),
  min_ratio: z.number().min(1).max(100).describe("How many times the usual level the recent one must reach."),
};

const webhookFields = {
  url: z
    .url({ protocol: /^https?$/, error: "an http or https URL" })
    .max(LIMITS.URL_CHARS)
    .nullable()
    .describe("Where deliveries are POSTed; null removes the webhook."),
  events: z.array(z.enum(WEBHOOK_EVENTS)).max(WEBHOOK_EVENTS.length).describe("Which events to deliver."),
  moods: z
    .array(z.enum(MOODS))
    .max(MOODS.length)
    .nullable()
    .describe("mood.changed only for changes to these moods; null: every mood."),
};

export const SettingsSchema = z
  .object({
    retention_days: z.number().int().describe("Days events are kept: the plan's unless the account keeps fewer."),
    allowed_origins: z
      .array(z.string())
      .nullable()
      .describe("Origins whose pages may post events with the publishable key; null allows any."),
    learning: z.object(learningFields),
    alerts: z.object(alertFields),
    webhook: z.object({
      ...webhookFields,
      has_secret: z.boolean().describe("A signing secret exists (POST /v1/webhooks/secret); it is never shown again."),
    }),
    publishable_key: z
      .string()
      .nullable()
      .describe("The current publishable key, for the install snippet (null for keys issued before it was kept)."),
  })
  .meta({ id: "Settings" });

export const SettingsPatchSchema = z
  .object({
    retention_days: z
      .number()
      .int()
      .min(1)
      .nullable()
      .optional()
      .describe("At most the plan's retention; null returns to the plan's."),
    allowed_origins: z.array(OriginSchema).max(LIMITS.ALLOWED_ORIGINS).nullable().optional(),
    learning: z.object(learningFields).partial().strict().optional(),
    alerts: z.object(alertFields).partial().strict().optional(),
    webhook: z.object(webhookFields).partial().strict().optional(),
  })
  .strict()
  .meta({ id: "SettingsPatch" });

type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

function settingsOf(account: Account, plans: PlanTable, publishableKey: string | null): z.infer<typeof SettingsSchema> {
  const { learning, alerts, webhook } = account.settings;
  return {
    retention_days: retentionDays(account, plans),
    allowed_origins: account.allowedOrigins,
    learning: { enabled: learning.enabled, min_feedback: learning.minFeedback },
    alerts: {
      enabled: alerts.enabled,
      window_hours: alerts.windowHours,
      baseline_days: alerts.baselineDays,
      min_sessions: alerts.minSessions,
      min_ratio: alerts.minRatio,
    },
    webhook: { url: webhook.url, events: webhook.events, moods: webhook.moods, has_secret: account.hasWebhookSecret },
    publishable_key: publishableKey,
  };
}

/** GET /v1/settings. */
export const getSettingsRoute = route({
  method: "GET",
  path: "/v1/settings",
  access: "secret",
  summary: "The account's settings",
  responses: { 200: ["The settings.", SettingsSchema] },
  handle: async ({ caller }, { config, storage }) =>
    settingsOf(caller.account, config.plans, await storage.publishableKey(caller.account.id)),
});

/** PATCH /v1/settings: changes any of them; the change takes effect at once. */
export const patchSettingsRoute = route<SettingsPatch>({
  method: "PATCH",
  path: "/v1/settings",
  access: "secret",
  body: { schema: SettingsPatchSchema },
  summary: "Change the account's settings",
  description:
    "Takes any subset of the fields (and of learning's and alerts' fields); unknown fields, wrong types and values " +
    "beyond the plan are refused. Every server process sees the change within a few seconds; this one at once.",
  responses: { 200: ["The settings after the change.", SettingsSchema] },
  async handle({ body, caller }, { config, storage, keys }) {
    const { account } = caller;
    const planDays = config.plans[account.plan].retentionDays;
    if (body.retention_days != null && body.retention_days > planDays) {
      throw beyondPlan("retention_days", `The ${account.plan} plan keeps events for at most ${planDays} days`, planDays);
    }
    const settings = patched(account.settings, body);
    if (body.webhook?.url) {
      try {
        checkWebhookUrl(new URL(body.webhook.url), config.webhookAllowPrivate);
      } catch (error) {
        if (!(error instanceof TargetRefused)) throw error;
        throw new HttpError(400, "Invalid field", {
          field: "webhook.url",
          message: `Refused: ${error.message}; webhooks go to public addresses unless the operator allows private ones`,
        });
      }
    }
    const keptDays = body.retention_days === undefined ? retentionDays(account, config.plans) : (body.retention_days ?? planDays);
    if (body.alerts?.baseline_days !== undefined && body.alerts.baseline_days > keptDays) {
      throw beyondPlan(
        "alerts.baseline_days",
        `The baseline cannot reach further back than the ${keptDays} days of events the account keeps`,
        keptDays,
      );
    }
    const updated = await storage.updateSettings(
      account.id,
      {
        ...(body.retention_days !== undefined && { retentionDays: body.retention_days }),
        ...(body.allowed_origins !== undefined && { allowedOrigins: body.allowed_origins }),
        settings,
      },
      learnPolicy,
    );
    // Keys carry their account: the next request must see the new settings.
    keys.forgetAccount(account.id);
    return settingsOf(updated, config.plans, await storage.publishableKey(account.id));
  },
});

function beyondPlan(field: string, message: string, limit: number): HttpError {
  return new HttpError(400, "Invalid field", { field, message, limit });
}

function patched(current: AccountSettings, body: SettingsPatch): AccountSettings {
  const { learning, alerts, webhook } = body;
  return {
    learning: {
      enabled: learning?.enabled ?? current.learning.enabled,
      minFeedback: learning?.min_feedback ?? current.learning.minFeedback,
    },
    alerts: {
      enabled: alerts?.enabled ?? current.alerts.enabled,
      windowHours: alerts?.window_hours ?? current.alerts.windowHours,
      baselineDays: alerts?.baseline_days ?? current.alerts.baselineDays,
      minSessions: alerts?.min_sessions ?? current.alerts.minSessions,
      minRatio: alerts?.min_ratio ?? current.alerts.minRatio,
    },
    webhook: {
      url: webhook?.url === undefined ? current.webhook.url : webhook.url,
      events: webhook?.events ?? current.webhook.events,
      moods: webhook?.moods === undefined ? current.webhook.moods : webhook.moods,
    },
  };
}
