import { MOODS, SUGGESTED_ACTIONS } from "@sessionmood/engine";
import { z } from "zod";
import { route } from "../http/route.js";
import { effectivePolicy } from "../learning/learn-policy.js";
import { wilsonInterval } from "./wilson-interval.js";

const round = (value: number) => Math.round(value * 1000) / 1000;

export const ActionsSchema = z
  .object({
    policy: z
      .record(z.enum(MOODS), z.object({ action: z.enum(SUGGESTED_ACTIONS), source: z.enum(["default", "learned"]) }))
      .describe("The action each mood suggests now."),
    actions: z.array(
      z.object({
        mood: z.enum(MOODS),
        action: z.string().describe("What the page did, as its feedback named it."),
        feedback: z.number().int().describe("Rated outcomes: feedback that said whether it helped."),
        helpful: z.number().int(),
        helpful_rate: z.number(),
        interval: z.tuple([z.number(), z.number()]).describe("95% Wilson interval of helpful_rate."),
      }),
    ),
  })
  .meta({ id: "Actions" });

/** GET /v1/analytics/actions: whether interventions help, and the policy that follows. */
export const actionsRoute = route({
  method: "GET",
  path: "/v1/analytics/actions",
  access: "secret",
  summary: "How often each action helped, per mood, and the current policy",
  responses: { 200: ["Helpfulness per mood and action, and the policy.", ActionsSchema] },
  async handle({ caller }, { storage }): Promise<z.infer<typeof ActionsSchema>> {
    const stats = await storage.actionStats(caller.account.id);
    return {
      policy: effectivePolicy(caller.account.policy),
      actions: stats.map(({ mood, action, rated, helpful }) => {
        const [low, high] = wilsonInterval(helpful, rated);
        return { mood, action, feedback: rated, helpful, helpful_rate: round(helpful / rated), interval: [round(low), round(high)] };
      }),
    };
  },
});
