import { z } from "zod";

/** Every error answer: `error` says what went wrong, the other fields appear where they apply. */
export const ErrorBodySchema = z
  .object({
    error: z.string(),
    message: z.string().optional(),
    field: z.string().optional().describe("The request field at fault, e.g. events[2].x."),
    invalid: z.array(z.unknown()).optional().describe("Unknown event types in the batch."),
    valid_types: z.array(z.string()).optional(),
    valid_plans: z.array(z.string()).optional(),
    session_id: z.string().optional(),
    plan: z.string().optional(),
    limit: z.number().optional(),
    reset_at: z.string().optional().describe("ISO 8601: when the monthly quota starts again."),
    request_id: z.string().optional(),
  })
  .meta({ id: "Error" });

export type ErrorBody = z.infer<typeof ErrorBodySchema>;
