import { afterEach, describe, expect, it, vi } from "vitest";
import { retryDelay } from "./retryDelay.js";

describe("retryDelay", () => {
  afterEach(() => vi.restoreAllMocks());

  it("doubles with each failure up to the ceiling, jittered between half and all of it", () => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    expect([1, 2, 3, 4].map((n) => retryDelay(n, 1000, 60_000))).toEqual([500, 1000, 2000, 4000]);
    expect(retryDelay(20, 1000, 60_000)).toBe(30_000);
    vi.spyOn(Math, "random").mockReturnValue(0.999999);
    expect(retryDelay(20, 1000, 60_000)).toBe(60_000);
  });
});
