import { describe, expect, test } from "vitest";
import { bucketStarts, isTimeZone, weekdayOf, zonedInstant } from "./time-zone.js";

const iso = (ms: number) => new Date(ms).toISOString();
const at = Date.parse;

describe("calendar buckets in a time zone", () => {
  test("a New York day starts at local midnight, and the day clocks fall back lasts 25 hours", () => {
    const days = bucketStarts(at("2026-10-31T12:00:00Z"), at("2026-11-02T12:00:00Z"), "day", "America/New_York", 1000);
    expect(days.map(iso)).toEqual(["2026-10-31T04:00:00.000Z", "2026-11-01T04:00:00.000Z", "2026-11-02T05:00:00.000Z"]);
  });

  test("the day clocks spring forward lasts 23 hours", () => {
    const days = bucketStarts(at("2026-03-08T05:00:00Z"), at("2026-03-09T05:00:00Z"), "day", "America/New_York", 1000);
    expect(days.map(iso)).toEqual(["2026-03-08T05:00:00.000Z", "2026-03-09T04:00:00.000Z"]);
  });

  test("the hour repeated when clocks fall back is two buckets; the hour skipped in spring is none", () => {
    const autumn = bucketStarts(at("2026-11-01T04:00:00Z"), at("2026-11-01T08:00:00Z"), "hour", "America/New_York", 1000);
    expect(autumn.map(iso)).toEqual([
      "2026-11-01T04:00:00.000Z",
      "2026-11-01T05:00:00.000Z",
      "2026-11-01T06:00:00.000Z",
      "2026-11-01T07:00:00.000Z",
    ]);
    expect(new Set(autumn.map((ms) => new Date(ms).toLocaleTimeString("en-US", { timeZone: "America/New_York" }))).size).toBe(3);
  });

  test("hours in a half-hour zone start at half past in UTC", () => {
    const hours = bucketStarts(at("2026-11-01T00:00:00Z"), at("2026-11-01T02:00:00Z"), "hour", "Asia/Kolkata", 1000);
    expect(hours.map(iso)).toEqual(["2026-10-31T23:30:00.000Z", "2026-11-01T00:30:00.000Z", "2026-11-01T01:30:00.000Z"]);
  });

  test("a local wall time names its instant", () => {
    const local = { year: 2026, month: 7, day: 1, hour: 9, minute: 0, second: 0 };
    expect(iso(zonedInstant(local, "Europe/Berlin"))).toBe("2026-07-01T07:00:00.000Z");
    expect(weekdayOf(at("2026-11-23T03:00:00Z"), "America/Los_Angeles")).toBe("sunday");
  });

  test("only real zones are zones", () => {
    expect(isTimeZone("America/New_York")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(isTimeZone("")).toBe(false);
  });
});
