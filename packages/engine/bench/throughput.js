// Events scored per second on one core, through the incremental path the server and SDK use,
// and how many moods per second a full state gives.
import { EVENT_TYPES, createMoodState, moodOf, scoreEvent, scoreEvents } from "../dist/index.js";

const GOAL_EVENTS_PER_SECOND = 5_000_000;

/** A realistic mix: every type, mostly in time order, about one event a second. */
function makeSession(length) {
  let ts = 1_700_000_000;
  return Array.from({ length }, (_, i) => {
    ts += (i * 7919) % 3;
    const type = EVENT_TYPES[(i * 31) % EVENT_TYPES.length];
    return { type, ts, x: i % 800, y: i % 600, speed: (i * 97) % 5000, duration_ms: (i * 613) % 20_000, dead: i % 11 === 0 };
  });
}

function measure(label, events, rounds, run, unit = "events") {
  run(); // warm-up
  const start = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) run();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const perSecond = (events * rounds) / seconds;
  console.log(`${label.padEnd(44)} ${(perSecond / 1e6).toFixed(2).padStart(7)} M ${unit}/s`);
  return perSecond;
}

const session = makeSession(100_000);
const batches = Array.from({ length: 5_000 }, (_, i) => session.slice(i * 20, i * 20 + 20));

measure("scoreEvents, one 100k-event batch", session.length, 30, () => scoreEvents(createMoodState(), session));
const ingest = measure("scoreEvents, 20-event batches (server ingest)", session.length, 30, () =>
  batches.reduce(scoreEvents, createMoodState()),
);
measure("scoreEvent, one event at a time (SDK)", session.length, 10, () =>
  session.reduce(scoreEvent, createMoodState()),
);
measure("scoreEvents + moodOf per 20-event batch", session.length, 10, () => {
  let state = createMoodState();
  for (const batch of batches) {
    state = scoreEvents(state, batch);
    moodOf(state);
  }
});

const full = scoreEvents(createMoodState(), session);
measure(`moodOf, state of ${full.recent.length / 2} recent events`, 1, 200_000, () => moodOf(full), "calls");

const verdict = ingest >= GOAL_EVENTS_PER_SECOND ? "meets" : "MISSES";
console.log(`engine throughput ${verdict} the goal of ${GOAL_EVENTS_PER_SECOND / 1e6} M events/s on one core`);
