import { z } from "zod";
import { HttpError } from "../http/http-error.js";
import { idParam } from "../http/id-param.js";
import { route } from "../http/route.js";
import type { StoredAlert } from "../store/storage.js";
import { evaluateAlerts } from "./evaluate-alerts.js";

const STATUSES = ["active", "dismissed", "resolved", "all"] as const;

const AlertsQuerySchema = z
  .object({ status: z.enum(STATUSES).optional().describe("Which episodes to list (default active).") })
  .strict();

const AlertSchema = z
  .object({
    id: z.number().int(),
    type: z.enum(["frustration_spike", "page_hotspot", "sustained_rise"]),
    page: z.string().optional().describe("page_hotspot: the page's path."),
    status: z.enum(["active", "dismissed", "resolved"]),
    started_at: z.string(),
    updated_at: z.string().describe("When the episode was last checked while it held, or when it ended."),
    value: z.number().describe("The share now (frustrated, or struggling on the page)."),
    baseline: z.number().describe("The share it is compared with."),
    sessions: z.number().int().describe("Sessions the share is of."),
    message: z.string().describe("What, where, how big and compared with what, in one sentence."),
  })
  .meta({ id: "Alert" });

export const AlertsSchema = z.object({ alerts: z.array(AlertSchema) }).meta({ id: "Alerts" });

const AlertDismissedSchema = z
  .object({ id: z.number().int(), status: z.literal("dismissed") })
  .meta({ id: "AlertDismissed" });

function alertBody(alert: StoredAlert): z.infer<typeof AlertSchema> {
  const { id, type, page, status, startedAt, updatedAt, value, baseline, sessions, message } = alert;
  return {
    id,
    type,
    ...(page !== null && { page }),
    status,
    started_at: new Date(startedAt).toISOString(),
    updated_at: new Date(updatedAt).toISOString(),
    value: Math.round(value * 1000) / 1000,
    baseline: Math.round(baseline * 1000) / 1000,
    sessions,
    message,
  };
}

/** GET /v1/alerts: evaluated on read, so the answer is never behind the schedule. */
export const listAlertsRoute = route<undefined, z.infer<typeof AlertsQuerySchema>>({
  method: "GET",
  path: "/v1/alerts",
  access: "secret",
  query: AlertsQuerySchema,
  summary: "The account's alert episodes, newest first",
  description:
    "Alerts are episodes: one opens when its condition starts to hold, is updated while it holds and resolves when " +
    "it stops; a dismissed one stays dismissed. Conditions are evaluated now, before answering.",
  responses: { 200: ["The alerts.", AlertsSchema] },
  async handle({ query, caller, now }, { config, storage }): Promise<z.infer<typeof AlertsSchema>> {
    await evaluateAlerts(caller.account, storage, config.plans, now);
    const alerts = await storage.listAlerts(caller.account.id, query.status ?? "active");
    return { alerts: alerts.map(alertBody) };
  },
});

/** POST /v1/alerts/:id/dismiss. */
export const dismissAlertRoute = route({
  method: "POST",
  path: "/v1/alerts/:id/dismiss",
  params: { id: { description: "The alert's id.", schema: { type: "integer" } } },
  access: "secret",
  summary: "Dismiss an alert",
  description: "The episode stays dismissed while its condition holds; a later episode opens as a new alert.",
  responses: { 200: ["Dismissed.", AlertDismissedSchema], 404: ["No such alert for this account."] },
  async handle({ params, caller, now }, { storage }): Promise<z.infer<typeof AlertDismissedSchema>> {
    const id = idParam(params.id);
    if (id === undefined || !(await storage.dismissAlert(caller.account.id, id, now))) {
      throw new HttpError(404, "Alert not found", { message: `No alert ${params.id} for this account` });
    }
    return { id, status: "dismissed" };
  },
});
