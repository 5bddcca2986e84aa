import { moodFromEvents, type MoodEvent } from "@sessionmood/engine";
import { describe, expect, it } from "vitest";
import { localScoring } from "./localScoring.js";

const events: MoodEvent[] = [
  { type: "page_view", ts: 100, url: "https://shop.example/" },
  { type: "click", ts: 101, x: 10, y: 20 },
  { type: "rage_click", ts: 102, x: 10, y: 20 },
  { type: "error", ts: 103, message: "Payment failed" },
  { type: "back_nav", ts: 104 },
];

describe("localScoring", () => {
  it("gives after each event the mood the engine gives for all events so far", () => {
    const scorer = localScoring();
    events.forEach((event, i) => expect(scorer.score(event)).toEqual(moodFromEvents(events.slice(0, i + 1))));
  });

  it("continues from a saved state as if the page had not reloaded", () => {
    const before = localScoring();
    for (const event of events.slice(0, 3)) before.score(event);
    const after = localScoring();
    after.restore(JSON.parse(JSON.stringify(before.save())));
    let mood;
    for (const event of events.slice(3)) mood = after.score(event);
    expect(mood).toEqual(moodFromEvents(events));
  });

  it("ignores a saved state it cannot read", () => {
    const scorer = localScoring();
    scorer.restore({ nonsense: true });
    expect(scorer.score(events[0]!)).toEqual(moodFromEvents(events.slice(0, 1)));
  });
});
