// Reads how an account's visitors feel, with its secret key, as a site's backend would.
//   SESSIONMOOD_URL=http://localhost:3000 SESSIONMOOD_SECRET=sm_… node read-moods.mjs [session-id]
const base = process.env.SESSIONMOOD_URL ?? "http://localhost:3000";
const secret = process.env.SESSIONMOOD_SECRET;
if (!secret) throw new Error("Set SESSIONMOOD_SECRET to the account's secret key (sm_…)");

async function get(path) {
  const response = await fetch(base + path, { headers: { "X-Api-Key": secret } });
  const body = await response.json();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
  return body;
}

const moods = await get("/v1/analytics/moods");
console.log(`${moods.total_sessions} sessions:`, moods.mood_distribution.map((m) => `${m.mood} ${m.percentage}%`).join(", "));

const { pages } = await get("/v1/analytics/pages?limit=3");
for (const page of pages) console.log(`struggle on ${page.path}: ${(page.struggle_rate * 100).toFixed(1)}% of ${page.sessions} sessions`);

const { alerts } = await get("/v1/alerts");
for (const alert of alerts) console.log(`alert: ${alert.message}`);

const sessionId = process.argv[2];
if (sessionId) {
  const mood = await get(`/v1/sessions/${encodeURIComponent(sessionId)}/mood`);
  console.log(`${sessionId} is ${mood.mood} (${mood.confidence}), suggested: ${mood.suggested_action}`);
  const { changes } = await get(`/v1/sessions/${encodeURIComponent(sessionId)}/timeline`);
  for (const change of changes) console.log(`  ${change.at} ${change.from} → ${change.to} on ${change.page ?? "?"}`);
}
