// Starts SessionMood the way a site would, with its script tag, and shows what it sees.
// The demo server tells the page its key and address in /demo/config.js (SESSIONMOOD_DEMO);
// a real site writes them into the tag:
//   <script src="https://mood.example.com/sdk/sessionmood.min.js" data-key="pk_…" data-local-scoring></script>
import { createMoodPanel, tapCollector } from "../shared/mood-panel.js";

const panel = createMoodPanel(document.getElementById("mood-panel"));
tapCollector((events, answer) => {
  panel.logSent(events);
  panel.showServerMood(answer?.current_mood);
});

const { key, endpoint } = window.SESSIONMOOD_DEMO ?? {};
const tag = document.createElement("script");
tag.src = `${endpoint}/sdk/sessionmood.min.js`;
Object.assign(tag.dataset, {
  key,
  endpoint,
  localScoring: "true",
  // Batches every second instead of every 5 s, so the panel's log keeps up with the clicking.
  options: JSON.stringify({ transport: { flushMs: 1000 } }),
});
tag.onload = () => {
  const tracker = window.SessionMood?.tracker;
  if (!tracker) return;
  panel.showMood(tracker.getMood());
  tracker.onUpdate((mood) => panel.showMood(mood));
};
document.head.append(tag);
