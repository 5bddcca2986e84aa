import { z } from "zod";
import { LIMITS } from "../limits.js";
import { PLAN_NAMES } from "../plans.js";

/** An origin as browsers send it: scheme, host and port only. */
export const OriginSchema = z.string().refine((value) => URL.canParse(value) && new URL(value).origin === value, {
  message: "An origin is scheme://host[:port], e.g. https://shop.example",
});

export const KeyRequestSchema = z
  .object({
    customer_name: z.string().trim().min(1).max(LIMITS.CUSTOMER_NAME_CHARS),
    email: z.email().max(LIMITS.EMAIL_CHARS).optional(),
    plan: z.enum(PLAN_NAMES).default("starter"),
    allowed_origins: z
      .array(OriginSchema)
      .min(1)
      .max(LIMITS.ALLOWED_ORIGINS)
      .optional()
      .describe("Pages on these origins may post events with the publishable key; any origin when omitted."),
  })
  .meta({ id: "KeyRequest" });

export const KeysIssuedSchema = z
  .object({
    api_key: z.string().describe("Secret key (sm_…): every endpoint. Shown once."),
    publishable_key: z.string().describe("Publishable key (pk_…): posting events only, safe in page source."),
    customer: z.string(),
    email: z.string().nullable(),
    plan: z.enum(PLAN_NAMES),
    limits: z.string(),
    allowed_origins: z.array(z.string()).nullable(),
    message: z.string(),
  })
  .meta({ id: "KeysIssued" });
