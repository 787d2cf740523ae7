import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeTiming, formatInZone } from "./describe.ts";

const cronText = (cron: string, timezone = "UTC") => describeTiming({ kind: "cron", cron, timezone });

describe("describeTiming", () => {
  it.each([
    ["0 9 * * 1-5", "Europe/Paris", "every weekday at 09:00, Europe/Paris"],
    ["0 9 * * MON-FRI", "Europe/Paris", "every weekday at 09:00, Europe/Paris"],
    ["*/15 * * * *", "UTC", "every 15 minutes, UTC"],
    ["0 0 1 * *", "UTC", "at 00:00 on day 1 of the month, UTC"],
    ["30 2 * * 0", "Europe/Paris", "every Sunday at 02:30, Europe/Paris"],
    ["30 2 * * 7", "UTC", "every Sunday at 02:30, UTC"],
    ["* * * * * *", "UTC", "every second"],
    ["*/10 * * * * *", "UTC", "every 10 seconds"],
    ["* * * * *", "UTC", "every minute, UTC"],
    ["0 * * * *", "UTC", "every hour, UTC"],
    ["15 * * * *", "UTC", "every hour at minute 15, UTC"],
    ["0 */2 * * *", "UTC", "every 2 hours, UTC"],
    ["30 9 * * *", "America/New_York", "every day at 09:30, America/New_York"],
    ["30 15 9 * * *", "UTC", "every day at 09:15:30, UTC"],
    ["0 9,17 * * *", "UTC", "every day at 09:00 and 17:00, UTC"],
    ["0 9 * * 1,3,5", "UTC", "every Monday, Wednesday and Friday at 09:00, UTC"],
    ["0 10 * * sat,sun", "UTC", "every Saturday and Sunday at 10:00, UTC"],
    ["0 10 * * 5-7", "UTC", "every Friday to Sunday at 10:00, UTC"],
    ["0 9 * * 1-4", "UTC", "every Monday to Thursday at 09:00, UTC"],
    ["0 9 * * *", "UTC", "every day at 09:00, UTC"],
    ["0 9 * * 0-6", "UTC", "every day at 09:00, UTC"],
    ["0 0 1,15 * *", "UTC", "at 00:00 on days 1 and 15 of the month, UTC"],
    ["0 0 1 1 *", "UTC", "at 00:00 on day 1 of January, UTC"],
    ["0 9 * JAN,JUL *", "UTC", "every day in January and July at 09:00, UTC"],
    ["0 9-17 * * 1-5", "Europe/Paris", "every hour from 09:00 to 17:00 on weekdays, Europe/Paris"],
    ["*/15 9-17 * * *", "UTC", "every 15 minutes from 09:00 to 17:59, UTC"],
    ["*/5 * * * 6", "UTC", "every 5 minutes on Saturday, UTC"],
    ["0 12 * 3-5 *", "UTC", "every day in March to May at 12:00, UTC"],
    ["@daily", "UTC", "every day at 00:00, UTC"],
    ["@hourly", "UTC", "every hour, UTC"],
  ])("%s in %s: %s", (cron, timezone, text) => {
    expect(cronText(cron, timezone)).toBe(text);
  });

  it.each([
    "0 9 L * *", // last day of the month
    "0 9 * * 5#2", // second Friday
    "0 9 1 * 1", // day-of-month OR day-of-week
    "0 0 */2 * *",
    "5-10/2 * * * *",
    "0,30 8-18 * * *", // 22 times
    "0 9",
    "not a cron",
  ])("reads %s back as cron", (cron) => {
    expect(cronText(cron, "Europe/Paris")).toBe(`cron "${cron}", Europe/Paris`);
  });

  it("interval and once, in UTC", () => {
    const anchor = Date.parse("2026-11-29T10:00:00Z");
    expect(describeTiming({ kind: "interval", everyMs: 900_000, anchor })).toBe("every 15 minutes from 2026-11-29 10:00 UTC");
    expect(describeTiming({ kind: "interval", everyMs: 3_600_000, anchor })).toBe("every hour from 2026-11-29 10:00 UTC");
    expect(describeTiming({ kind: "interval", everyMs: 5_400_000, anchor })).toBe("every 90 minutes from 2026-11-29 10:00 UTC");
    expect(describeTiming({ kind: "interval", everyMs: 172_800_000, anchor: anchor + 5000 })).toBe("every 2 days from 2026-11-29 10:00:05 UTC");
    expect(describeTiming({ kind: "interval", everyMs: 1500, anchor })).toBe("every 1500 ms from 2026-11-29 10:00 UTC");
    expect(describeTiming({ kind: "once", at: Date.parse("2026-12-01T09:00:00Z") })).toBe("once, at 2026-12-01 09:00 UTC");
  });

  it("never throws", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.double(), (cron, timezone, n) => {
        expect(typeof cronText(cron, timezone)).toBe("string");
        expect(typeof describeTiming({ kind: "interval", everyMs: n, anchor: n })).toBe("string");
        expect(typeof describeTiming({ kind: "once", at: n })).toBe("string");
      }),
    );
    expect(describeTiming({ kind: "nope" } as never)).toBe("unknown schedule");
    expect(describeTiming(null as never)).toBe("unknown schedule");
  });
});

describe("formatInZone", () => {
  it("shows the wall clock in a zone, 24 h", () => {
    const t = Date.parse("2026-11-30T08:00:00Z");
    expect(formatInZone(t, "Europe/Paris")).toBe("Mon 2026-11-30 09:00");
    expect(formatInZone(t, "America/New_York")).toBe("Mon 2026-11-30 03:00");
    expect(formatInZone(t, "Asia/Tokyo")).toBe("Mon 2026-11-30 17:00");
    expect(formatInZone(Date.parse("2026-11-29T23:00:00Z"), "Europe/Paris")).toBe("Mon 2026-11-30 00:00");
    expect(formatInZone(Date.parse("2026-10-25T00:30:00Z"), "Europe/Paris")).toBe("Sun 2026-10-25 02:30");
    expect(formatInZone(Date.parse("2026-10-25T01:30:00Z"), "Europe/Paris")).toBe("Sun 2026-10-25 02:30");
  });

  it("falls back to UTC, marked, for an unknown zone, and never throws", () => {
    expect(formatInZone(Date.parse("2026-11-30T08:00:00Z"), "Europe/Pariss")).toBe("Mon 2026-11-30 08:00 UTC");
    expect(formatInZone(Number.NaN, "UTC")).toBe("invalid time");
    expect(formatInZone(1e20, "UTC")).toBe("invalid time");
  });
});
