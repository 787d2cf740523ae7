import { afterEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./testing/harness.ts";

const HOUR = 3_600_000;
let h: Harness | undefined;
afterEach(async () => {
  await h?.scheduler.stop();
  h?.close();
  h = undefined;
});

async function fired(cron: string, timezone: string, from: string, to: string): Promise<string[]> {
  await h?.scheduler.stop();
  h?.close();
  h = await createHarness(Date.parse(from));
  await h.addSchedule({ cron, timezone });
  await h.clock.runUntil(Date.parse(to));
  expect(h.errors).toEqual([]);
  // Every start happened at its slot time, and no slot started twice.
  expect(h.launches.every((l) => l.at === l.slotTime)).toBe(true);
  expect(new Set(h.launches.map((l) => l.slotTime)).size).toBe(h.launches.length);
  return h.launches.map((l) => new Date(l.slotTime).toISOString());
}

describe("cron with a time zone across DST, through the scheduler", () => {
  it("Paris spring forward: a daily 02:30 that does not exist on 2026-03-29 runs once, at 03:00 CEST", async () => {
    expect(await fired("30 2 * * *", "Europe/Paris", "2026-03-27T00:00:00Z", "2026-03-31T00:00:00Z")).toEqual([
      "2026-03-27T01:30:00.000Z",
      "2026-03-28T01:30:00.000Z",
      "2026-03-29T01:00:00.000Z",
      "2026-03-30T00:30:00.000Z",
    ]);
  });

  it("Paris fall back: a daily 02:30 on 2026-10-25 runs once, on the first pass", async () => {
    expect(await fired("30 2 * * *", "Europe/Paris", "2026-10-24T00:00:00Z", "2026-10-27T00:00:00Z")).toEqual([
      "2026-10-24T00:30:00.000Z",
      "2026-10-25T00:30:00.000Z",
      "2026-10-26T01:30:00.000Z",
    ]);
  });

  it("New York: spring 02:30 moves to 03:00 EDT; fall 01:30 runs once", async () => {
    expect(await fired("30 2 * * *", "America/New_York", "2026-03-07T00:00:00Z", "2026-03-09T12:00:00Z")).toEqual([
      "2026-03-07T07:30:00.000Z",
      "2026-03-08T07:00:00.000Z",
      "2026-03-09T06:30:00.000Z",
    ]);
    expect(await fired("30 1 * * *", "America/New_York", "2026-10-31T00:00:00Z", "2026-11-02T12:00:00Z")).toEqual([
      "2026-10-31T05:30:00.000Z",
      "2026-11-01T05:30:00.000Z",
      "2026-11-02T06:30:00.000Z",
    ]);
  });

  it("an hourly job has 23 runs on the spring day and 25 distinct ones on the fall day, each hour once", async () => {
    const spring = await fired("0 * * * *", "Europe/Paris", "2026-03-28T23:00:00Z", "2026-03-29T22:00:00Z");
    expect(spring).toHaveLength(23);
    const fall = await fired("0 * * * *", "Europe/Paris", "2026-10-24T22:00:00Z", "2026-10-25T23:00:00Z");
    expect(fall).toHaveLength(25);
    // Consecutive runs are one real hour apart across the change: no hour doubled, none missing.
    const gaps = fall.slice(1).map((t, i) => Date.parse(t) - Date.parse(fall[i]!));
    expect(new Set(gaps)).toEqual(new Set([HOUR]));
  });
});
