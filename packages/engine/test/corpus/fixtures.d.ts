import type { Mood, MoodEvent } from "../../src/index.js";

/** One recorded session of the accuracy corpus and the mood a careful human gives it. */
export interface CorpusFixture {
  id: string;
  description: string;
  label: { mood: Mood; intervention: boolean };
  device: "desktop" | "mobile";
  events: MoodEvent[];
}

export function loadFixtures(): CorpusFixture[];
