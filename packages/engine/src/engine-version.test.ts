import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ENGINE_VERSION } from "./engine-version.js";
import { EVENT_TYPES } from "./events.js";
import { createMoodState, isCurrentState, scoreEvents } from "./mood-state.js";
import { TUNING } from "./tuning.js";

/** The tuning and the state one event of each type gives, as one hash. */
function fingerprint(): string {
  const state = scoreEvents(
    createMoodState(),
    EVENT_TYPES.map((type, i) => ({ type, ts: 1_700_000_000 + i, dead: true, speed: 5000, duration_ms: 60_000 })),
  );
  return createHash("sha256").update(JSON.stringify({ TUNING, state })).digest("hex").slice(0, 16);
}

describe("engine version", () => {
  it("changes whenever the tuning or the state format does", () => {
    // When this fails: bump ENGINE_VERSION, then record the new version and fingerprint here.
    expect({ version: ENGINE_VERSION, fingerprint: fingerprint() }).toEqual({ version: 5, fingerprint: "4c6dbf0f51ed940b" });
  });

  it("tells a state of this version from older and foreign ones", () => {
    const state = scoreEvents(createMoodState(), [{ type: "click", ts: 1 }]);
    expect(isCurrentState(JSON.parse(JSON.stringify(state)))).toBe(true);
    expect(isCurrentState({ ...state, v: ENGINE_VERSION - 1 })).toBe(false);
    expect(isCurrentState({ events: 3, at: 1, lastType: "click", evidence: {} })).toBe(false);
    expect(isCurrentState(null)).toBe(false);
    expect(isCurrentState("state")).toBe(false);
  });
});
