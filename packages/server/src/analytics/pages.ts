import { z } from "zod";
import { route } from "../http/route.js";
import { LIMITS } from "../limits.js";
import { rangeFields, resolveRange } from "./range-query.js";
import { wilsonInterval } from "./wilson-interval.js";

const PagesQuerySchema = z
  .object({
    ...rangeFields,
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(LIMITS.PAGES_MAX)
      .optional()
      .describe(`Pages to list (default 20, at most ${LIMITS.PAGES_MAX}).`),
  })
  .strict();

export const PagesSchema = z
  .object({
    pages: z.array(
      z.object({
        path: z.string(),
        sessions: z.number().int().describe("Sessions on the page in the range."),
        frustrated: z.number().int().describe("Of them, those whose mood turned frustrated on it."),
        confused: z.number().int().describe("…and confused."),
        struggle_rate: z.number().describe("Share of its sessions that turned frustrated or confused on it."),
        top_signals: z.array(z.object({ signal: z.string(), sessions: z.number().int() })),
      }),
    ),
  })
  .meta({ id: "Pages" });

const TOP_SIGNALS = 3;

/**
 * Each page's rate is ranked as if it had this many more sessions at the site's average rate: a
 * handful of unlucky sessions cannot lift a quiet page above a busy one with a real problem,
 * while hundreds of sessions speak for themselves.
 */
const PRIOR_SESSIONS = 10;

/** GET /v1/analytics/pages: where visitors struggle. */
export const pagesRoute = route<undefined, z.infer<typeof PagesQuerySchema>>({
  method: "GET",
  path: "/v1/analytics/pages",
  access: "secret",
  query: PagesQuerySchema,
  summary: "The pages where visitors struggle",
  description:
    "Ordered by the lower end of the 95% Wilson interval of struggle_rate, counted as if each page had 10 more " +
    "sessions at the site's average rate, so a page seen by a handful of sessions never outranks a busy page with a " +
    "real problem.",
  responses: { 200: ["The pages, most clearly struggled on first.", PagesSchema] },
  async handle({ query, caller, now }, { storage }): Promise<z.infer<typeof PagesSchema>> {
    const range = resolveRange(query, now);
    const stats = await storage.pageStats(caller.account.id, range);
    const average = stats.reduce((sum, page) => sum + page.struggling, 0) / Math.max(1, stats.reduce((sum, page) => sum + page.sessions, 0));
    const ranked = stats
      .map((page) => ({
        ...page,
        low: wilsonInterval(page.struggling + PRIOR_SESSIONS * average, page.sessions + PRIOR_SESSIONS)[0],
      }))
      .sort((a, b) => b.low - a.low || b.sessions - a.sessions || (a.path < b.path ? -1 : 1))
      .slice(0, query.limit ?? 20);
    const signals = await storage.pageSignals(caller.account.id, range, ranked.map((page) => page.path));
    return {
      pages: ranked.map(({ path, sessions, frustrated, confused, struggling }) => ({
        path,
        sessions,
        frustrated,
        confused,
        struggle_rate: Math.round((struggling / sessions) * 1000) / 1000,
        top_signals: [...(signals.get(path) ?? new Map<string, number>())]
          .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
          .slice(0, TOP_SIGNALS)
          .map(([signal, count]) => ({ signal, sessions: count })),
      })),
    };
  },
});
