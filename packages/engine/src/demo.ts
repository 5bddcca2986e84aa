/** Scores a few typical sessions and prints what the engine says of each. */
import type { MoodEvent } from "./events.js";
import { moodFromEvents } from "./mood-result.js";

const sessions: Record<string, MoodEvent[]> = {
  "checkout rage": [
    { type: "page_view", ts: 0 },
    { type: "click", ts: 4 },
    { type: "rage_click", ts: 6 },
    { type: "error", ts: 7, message: "Payment failed" },
    { type: "rage_click", ts: 9 },
    { type: "error", ts: 10, message: "Payment failed" },
  ],
  "relaxed reading": [
    { type: "page_view", ts: 0 },
    { type: "scroll", ts: 20, speed: 400 },
    { type: "scroll", ts: 45, speed: 350 },
    { type: "page_view", ts: 70 },
    { type: "scroll", ts: 95, speed: 500 },
  ],
};

for (const [name, events] of Object.entries(sessions)) {
  const { mood, confidence, signals, suggested_action } = moodFromEvents(events);
  console.log(`${name}: ${mood} (${confidence}) ${signals.join(", ")} -> ${suggested_action}`);
}
