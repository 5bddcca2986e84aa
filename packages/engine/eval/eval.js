// How well the engine judges the recorded corpus (packages/engine/test/corpus): each session's
// final mood and suggested action against the mood a careful human gave it.
import { MOODS, moodFromEvents } from "../dist/index.js";
import { loadFixtures } from "../test/corpus/fixtures.js";

/** What the engine must reach on the corpus before its moods are worth acting on. */
const GOALS = {
  /** Share of sessions whose final mood is the labelled one. */
  accuracy: 0.9,
  /** Calm sessions (no intervention welcome) that would still get one: every one is a disturbed visitor. */
  falseInterventions: 0,
  /** Share of frustrated sessions judged frustrated: a missed one is a customer lost without a word. */
  frustratedRecall: 1,
};

const sessions = loadFixtures().map((fixture) => ({ ...fixture, result: moodFromEvents(fixture.events) }));
if (!sessions.length) {
  console.error("No fixtures: record the corpus first with `pnpm corpus:record`.");
  process.exit(1);
}

const count = (predicate) => sessions.filter(predicate).length;
const percent = (part, whole) => (whole ? `${((100 * part) / whole).toFixed(0)}%` : "–");
const row = (cells) => `| ${cells.join(" | ")} |`;

console.log(`${sessions.length} sessions (${count((s) => s.device === "mobile")} on mobile)\n`);
console.log("Confusion matrix (rows: label, columns: engine)\n");
console.log(row(["label \\ engine", ...MOODS]));
console.log(row(["---", ...MOODS.map(() => "---:")]));
for (const label of MOODS) {
  const cells = MOODS.map((mood) => count((s) => s.label.mood === label && s.result.mood === mood) || "·");
  console.log(row([label, ...cells]));
}

console.log("\n" + row(["mood", "labelled", "judged", "precision", "recall"]));
console.log(row(["---", "---:", "---:", "---:", "---:"]));
for (const mood of MOODS) {
  const labelled = count((s) => s.label.mood === mood);
  const judged = count((s) => s.result.mood === mood);
  const right = count((s) => s.label.mood === mood && s.result.mood === mood);
  console.log(row([mood, labelled, judged, percent(right, judged), percent(right, labelled)]));
}

const right = count((s) => s.label.mood === s.result.mood);
const calm = sessions.filter((s) => !s.label.intervention);
const disturbed = calm.filter((s) => s.result.suggested_action !== "no_action");
const frustrated = sessions.filter((s) => s.label.mood === "frustrated");
const caught = frustrated.filter((s) => s.result.mood === "frustrated");
const helped = sessions.filter((s) => s.label.intervention && s.result.suggested_action !== "no_action");
const verdict = (ok) => (ok ? "MET " : "MISS");

console.log("\n" + row(["goal", "result", "verdict"]));
console.log(row(["---", "---", "---"]));
console.log(row([`≥ ${GOALS.accuracy * 100}% labelled right`, `${percent(right, sessions.length)} (${right}/${sessions.length})`, verdict(right / sessions.length >= GOALS.accuracy)]));
console.log(row([`false interventions on calm sessions: ${GOALS.falseInterventions}`, `${percent(disturbed.length, calm.length)} (${disturbed.length}/${calm.length})`, verdict(disturbed.length <= GOALS.falseInterventions)]));
console.log(row(["every frustrated session caught", `${percent(caught.length, frustrated.length)} (${caught.length}/${frustrated.length})`, verdict(caught.length / frustrated.length >= GOALS.frustratedRecall)]));
console.log(`\nSessions that need help and would get some: ${helped.length}/${count((s) => s.label.intervention)}.`);

const misjudged = sessions.filter((s) => s.label.mood !== s.result.mood || (!s.label.intervention && s.result.suggested_action !== "no_action"));
console.log(`\nMisjudged (${misjudged.length}):`);
for (const { id, label, result } of misjudged) {
  const action = label.intervention ? "" : result.suggested_action === "no_action" ? "" : `, would ${result.suggested_action}`;
  console.log(`  ${id}: ${label.mood} judged ${result.mood} (${result.confidence})${action} — ${result.signals.join(", ")}`);
}
