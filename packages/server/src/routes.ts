import { dismissAlertRoute, listAlertsRoute } from "./alerts/alert-routes.js";
import { actionsRoute } from "./analytics/actions.js";
import { moodDistributionRoute } from "./analytics/mood-distribution.js";
import { pagesRoute } from "./analytics/pages.js";
import { trendRoute } from "./analytics/trend.js";
import { weekdayRoute } from "./analytics/weekday.js";
import { healthRoute } from "./health/health.js";
import { accountStreamRoute, sessionStreamRoute } from "./live/stream-routes.js";
import { streamTokenRoute } from "./live/stream-tokens.js";
import type { Route } from "./http/route.js";
import { generateKeysRoute } from "./keys/generate-keys.js";
import { rotateKeyRoute } from "./keys/rotate-key.js";
import { metricsRoute } from "./metrics/metrics-route.js";
import { openApiRoute } from "./openapi/openapi-route.js";
import { activeSessionsRoute } from "./sessions/active-sessions.js";
import { deleteSessionRoute } from "./sessions/delete-session.js";
import { exportSessionRoute } from "./sessions/export-session.js";
import { ingestEventsRoute } from "./sessions/ingest-events.js";
import { sessionFeedbackRoute } from "./sessions/session-feedback.js";
import { sessionMoodRoute } from "./sessions/session-mood.js";
import { sessionTimelineRoute } from "./sessions/session-timeline.js";
import { getSettingsRoute, patchSettingsRoute } from "./settings/settings-routes.js";
import { listDeliveriesRoute, retryDeliveryRoute, testWebhookRoute, webhookSecretRoute } from "./webhooks/webhook-routes.js";

/** Every route of the API, busiest first (the router tries them in order). */
const API_ROUTES: readonly Route[] = [
  ingestEventsRoute,
  sessionMoodRoute,
  sessionFeedbackRoute,
  sessionTimelineRoute,
  activeSessionsRoute,
  exportSessionRoute,
  deleteSessionRoute,
  moodDistributionRoute,
  trendRoute,
  weekdayRoute,
  pagesRoute,
  actionsRoute,
  listAlertsRoute,
  dismissAlertRoute,
  accountStreamRoute,
  sessionStreamRoute,
  streamTokenRoute,
  webhookSecretRoute,
  listDeliveriesRoute,
  retryDeliveryRoute,
  testWebhookRoute,
  getSettingsRoute,
  patchSettingsRoute,
  generateKeysRoute,
  rotateKeyRoute,
  healthRoute,
  metricsRoute,
];

/** The route table: the API and its own description. */
export const ROUTES: readonly Route[] = [...API_ROUTES, openApiRoute(API_ROUTES)];
