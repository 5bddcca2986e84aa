import { z } from "zod";
import { HttpError } from "../http/http-error.js";
import { route } from "../http/route.js";
import { OriginSchema } from "../keys/key-schemas.js";
import { LIMITS } from "../limits.js";
import { retentionDays, type PlanTable } from "../plans.js";
import type { Account } from "../store/storage.js";

export const SettingsSchema = z
  .object({
    retention_days: z.number().int().describe("Days events are kept: the plan's unless the account keeps fewer."),
    allowed_origins: z
      .array(z.string())
      .nullable()
      .describe("Origins whose pages may post events with the publishable key; null allows any."),
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
  })
  .strict()
  .meta({ id: "SettingsPatch" });

function settingsOf(account: Account, plans: PlanTable): z.infer<typeof SettingsSchema> {
  return {
    retention_days: retentionDays(account, plans),
    allowed_origins: account.allowedOrigins,
  };
}

/** GET /v1/settings. */
export const getSettingsRoute = route({
  method: "GET",
  path: "/v1/settings",
  access: "secret",
  summary: "The account's settings",
  responses: { 200: ["The settings.", SettingsSchema] },
  handle: ({ caller }, { config }) => settingsOf(caller.account, config.plans),
});

/** PATCH /v1/settings: changes any of them; the change takes effect at once. */
export const patchSettingsRoute = route<z.infer<typeof SettingsPatchSchema>>({
  method: "PATCH",
  path: "/v1/settings",
  access: "secret",
  body: { schema: SettingsPatchSchema },
  summary: "Change the account's settings",
  description: "Takes any subset of the fields; unknown fields, wrong types and values beyond the plan are refused.",
  responses: { 200: ["The settings after the change.", SettingsSchema] },
  async handle({ body, caller }, { config, storage, keys }) {
    const planDays = config.plans[caller.account.plan].retentionDays;
    if (body.retention_days != null && body.retention_days > planDays) {
      throw new HttpError(400, "Invalid field", {
        field: "retention_days",
        message: `The ${caller.account.plan} plan keeps events for at most ${planDays} days`,
        limit: planDays,
      });
    }
    const account = await storage.updateSettings(caller.account.id, {
      ...(body.retention_days !== undefined && { retentionDays: body.retention_days }),
      ...(body.allowed_origins !== undefined && { allowedOrigins: body.allowed_origins }),
    });
    // Keys carry their account: the next request must see the new origins.
    keys.clear();
    return settingsOf(account, config.plans);
  },
});
