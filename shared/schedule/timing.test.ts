import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FlowbenchError } from "../errors.ts";
import type { ScheduleTiming } from "./spec.ts";
import { isValidTimezone, nextSlots, normaliseTiming, parseDuration, parseInstant, slotsBetween } from "./timing.ts";

const NOW = Date.parse("2026-11-29T10:00:00.250Z");
const utc = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();
const cron = (expr: string, timezone: string): ScheduleTiming => normaliseTiming({ cron: expr, timezone }, NOW);

/** The invalid-schedule message `fn` throws; fails if it throws anything else or nothing. */
function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(FlowbenchError);
    expect((error as FlowbenchError).code).toBe("invalid-schedule");
    const message = (error as Error).message;
    expect(message).not.toMatch(/[\r\n]/);
    expect(message.startsWith("Invalid schedule: ")).toBe(true);
    return message;
  }
  throw new Error("expected an invalid-schedule error");
}

// Independent of croner: wall-clock parts and UTC offsets from Intl.
const partsFormatters = new Map<string, Intl.DateTimeFormat>();
function wall(ms: number, tz: string) {
  let f = partsFormatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz, year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric", hourCycle: "h23",
    });
    partsFormatters.set(tz, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(ms)) if (part.type !== "literal") p[part.type] = Number(part.value);
  return { y: p.year!, mo: p.month!, d: p.day!, h: p.hour!, mi: p.minute!, s: p.second! };
}
const offsetMs = (ms: number, tz: string) => {
  const w = wall(ms, tz);
  return Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s) - Math.floor(ms / 1000) * 1000;
};
/** Every instant whose wall clock in tz reads y-mo-d h:mi (0 in a gap, 2 in a repeated hour), ascending. */
function wallToInstants(y: number, mo: number, d: number, h: number, mi: number, tz: string): number[] {
  const naive = Date.UTC(y, mo - 1, d, h, mi);
  const offsets = new Set([offsetMs(naive - 86_400_000, tz), offsetMs(naive + 86_400_000, tz), offsetMs(naive, tz)]);
  const hits = [...offsets]
    .map((o) => naive - o)
    .filter((t) => {
      const w = wall(t, tz);
      return w.y === y && w.mo === mo && w.d === d && w.h === h && w.mi === mi;
    });
  return [...new Set(hits)].sort((a, b) => a - b);
}
const localDay = (ms: number, tz: string) => {
  const w = wall(ms, tz);
  return Date.UTC(w.y, w.mo - 1, w.d) / 86_400_000;
};

describe("parseDuration", () => {
  it.each([
    ["90s", 90_000],
    ["15m", 900_000],
    ["1h30m", 5_400_000],
    ["2d", 172_800_000],
    ["1w", 604_800_000],
    ["1s500ms", 1500],
    [" 1h 30m ", 5_400_000],
    ["1.5h", 5_400_000],
    ["10 minutes", 600_000],
    ["2 Hours", 7_200_000],
    ["1000ms", 1000],
    [60_000, 60_000],
  ] as const)("%j is %d ms", (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it("names the bad text and shows how to write one", () => {
    expect(errorOf(() => parseDuration("15x"))).toBe(
      "Invalid schedule: every: '15x' is not a duration; write it like 90s, 15m, 1h30m or 2d",
    );
    expect(errorOf(() => parseDuration(""))).toContain("every: '' is not a duration");
    expect(errorOf(() => parseDuration("-5m"))).toContain("'-5m' is not a duration");
    expect(errorOf(() => parseDuration("30"))).toBe("Invalid schedule: every: '30' has no unit; write it like 90s, 15m, 1h30m or 2d");
    expect(errorOf(() => parseDuration("1h\n30m zz"))).toContain("'1h 30m zz'");
    for (const n of [0, -5, 1.5, Number.NaN]) expect(errorOf(() => parseDuration(n))).toContain(`every: '${n}' is not a duration`);
  });

  it("refuses less than a second, saying so", () => {
    expect(errorOf(() => parseDuration("500ms"))).toBe("Invalid schedule: every: '500ms' is shorter than the minimum, 1s (1000 ms)");
    expect(errorOf(() => parseDuration(999))).toContain("'999' is shorter than the minimum, 1s (1000 ms)");
    expect(errorOf(() => parseDuration("99999w"))).toContain("longer than the maximum");
  });
});

describe("parseInstant", () => {
  it("reads ms and ISO 8601 with a date", () => {
    expect(parseInstant(1_790_000_000_000, "at")).toBe(1_790_000_000_000);
    expect(parseInstant("2026-12-01T09:00:00Z", "at")).toBe(utc("2026-12-01T09:00:00Z"));
    expect(parseInstant("2026-12-01T09:00:00.123Z", "at")).toBe(utc("2026-12-01T09:00:00.123Z"));
    expect(parseInstant("2026-12-01T09:00+01:00", "at")).toBe(utc("2026-12-01T08:00:00Z"));
    expect(parseInstant("2026-12-01T09:00:00-0530", "at")).toBe(utc("2026-12-01T14:30:00Z"));
    expect(parseInstant("2026-12-01 09:00z", "at")).toBe(utc("2026-12-01T09:00:00Z"));
    // Without an offset: this machine's local time, a date alone included.
    expect(parseInstant("2026-12-01T09:00", "at")).toBe(new Date(2026, 11, 1, 9, 0).getTime());
    expect(parseInstant("2026-12-01", "anchor")).toBe(new Date(2026, 11, 1).getTime());
  });

  it("names the field and the value", () => {
    expect(errorOf(() => parseInstant("tomorrow", "at"))).toBe(
      "Invalid schedule: at: 'tomorrow' is not a time; give ms since the epoch or an ISO 8601 date like 2026-12-01T09:00:00Z",
    );
    for (const bad of ["2026-02-30", "2026-13-01", "2026-12-01T25:00Z", "12/01/2026", "09:00", "2026-12-01T09:00+19:00"]) {
      expect(errorOf(() => parseInstant(bad, "anchor"))).toContain(`anchor: '${bad}' is not a time`);
    }
    for (const bad of [-1, 1.5, Number.POSITIVE_INFINITY]) expect(errorOf(() => parseInstant(bad, "at"))).toContain(`at: '${bad}' is not a time`);
  });
});

describe("isValidTimezone", () => {
  it("knows IANA zones and UTC, and nothing else", () => {
    for (const tz of ["Europe/Paris", "America/New_York", "UTC", "Asia/Kolkata"]) expect(isValidTimezone(tz)).toBe(true);
    for (const tz of ["Europe/Pariss", "", " ", "Mars/Olympus"]) expect(isValidTimezone(tz)).toBe(false);
  });
});

describe("normaliseTiming", () => {
  it("cron: zone defaults to this machine's, whitespace collapses", () => {
    const machine = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
    expect(normaliseTiming({ cron: "  0 9  * * 1-5 " }, NOW)).toEqual({ kind: "cron", cron: "0 9 * * 1-5", timezone: machine });
    expect(normaliseTiming({ cron: "0 9 * * MON-FRI", timezone: "Europe/Paris" }, NOW)).toEqual({
      kind: "cron", cron: "0 9 * * MON-FRI", timezone: "Europe/Paris",
    });
    expect(normaliseTiming({ cron: "@daily", timezone: "UTC" }, NOW)).toMatchObject({ kind: "cron", cron: "@daily" });
  });

  it("every: anchor defaults to now rounded down to the second", () => {
    expect(normaliseTiming({ every: "15m" }, NOW)).toEqual({ kind: "interval", everyMs: 900_000, anchor: utc("2026-11-29T10:00:00Z") });
    expect(normaliseTiming({ every: 5000, anchor: "2026-11-29T10:00:00Z" }, NOW)).toEqual({
      kind: "interval", everyMs: 5000, anchor: utc("2026-11-29T10:00:00Z"),
    });
    expect(normaliseTiming({ every: "1s" }, NOW)).toMatchObject({ everyMs: 1000 });
  });

  it("at: once", () => {
    expect(normaliseTiming({ at: "2026-12-01T09:00:00Z" }, NOW)).toEqual({ kind: "once", at: utc("2026-12-01T09:00:00Z") });
  });

  it("says what is wrong with a cron, naming it, on one line", () => {
    const bad = (expr: string) => errorOf(() => normaliseTiming({ cron: expr, timezone: "UTC" }, NOW));
    expect(bad("61 * * * *")).toBe("Invalid schedule: cron '61 * * * *': minute 61 is out of range (0-59)");
    expect(bad("0 24 * * *")).toBe("Invalid schedule: cron '0 24 * * *': hour 24 is out of range (0-23)");
    expect(bad("0 9 0 * *")).toBe("Invalid schedule: cron '0 9 0 * *': day-of-month 0 is out of range (1-31)");
    expect(bad("0 9 * 13 *")).toBe("Invalid schedule: cron '0 9 * 13 *': month 13 is out of range (1-12)");
    expect(bad("0 9 * * 1-8")).toBe("Invalid schedule: cron '0 9 * * 1-8': day-of-week 8 is out of range (0-7)");
    expect(bad("60 0 9 * * *")).toBe("Invalid schedule: cron '60 0 9 * * *': second 60 is out of range (0-59)");
    expect(bad("*/0 * * * *")).toBe("Invalid schedule: cron '*/0 * * * *': minute step 0 is not allowed");
    expect(bad("* * *")).toBe(
      "Invalid schedule: cron '* * *': has 3 fields; write 5 (minute hour day-of-month month day-of-week) or 6 with seconds first",
    );
    expect(bad("0 0 9 * * * 2027")).toContain("cron '0 0 9 * * * 2027': has 7 fields");
    expect(bad("0 0 30 2 *")).toBe("Invalid schedule: cron '0 0 30 2 *': never fires (no date matches it)");
    // croner's own reason for the rest
    expect(bad("a b c d e")).toMatch(/^Invalid schedule: cron 'a b c d e': .*illegal characters/);
    expect(bad("5-1 * * * *")).toMatch(/^Invalid schedule: cron '5-1 \* \* \* \*': .*larger than/);
    expect(errorOf(() => normaliseTiming({ cron: "   " }, NOW))).toContain("cron is empty");
  });

  it("names an unknown time zone", () => {
    expect(errorOf(() => normaliseTiming({ cron: "0 9 * * *", timezone: "Europe/Pariss" }, NOW))).toBe(
      "Invalid schedule: timezone 'Europe/Pariss' is not an IANA time zone (e.g. Europe/Paris, America/New_York, UTC)",
    );
  });

  it("names a bad every, anchor or at", () => {
    expect(errorOf(() => normaliseTiming({ every: "15x" }, NOW))).toContain("every: '15x' is not a duration");
    expect(errorOf(() => normaliseTiming({ every: "1m", anchor: "soon" }, NOW))).toContain("anchor: 'soon' is not a time");
    expect(errorOf(() => normaliseTiming({ at: "2026-12-32" }, NOW))).toContain("at: '2026-12-32' is not a time");
  });
});

describe("nextSlots", () => {
  it("0 9 * * 1-5 in Europe/Paris: the next 5 weekdays at 09:00, across the October change", () => {
    // Thursday 2026-10-22 14:00 CEST. 09:00 CEST is 07:00Z until 10-25, then 09:00 CET is 08:00Z.
    const slots = nextSlots(cron("0 9 * * 1-5", "Europe/Paris"), utc("2026-10-22T12:00:00Z"), 5);
    expect(slots.map(iso)).toEqual([
      "2026-10-23T07:00:00.000Z", // Fri
      "2026-10-26T08:00:00.000Z", // Mon, now CET
      "2026-10-27T08:00:00.000Z",
      "2026-10-28T08:00:00.000Z",
      "2026-10-29T08:00:00.000Z",
    ]);
    // From Friday 2026-11-27 13:00 CET: Monday 11-30 onwards.
    expect(nextSlots(cron("0 9 * * 1-5", "Europe/Paris"), utc("2026-11-27T12:00:00Z"), 5).map(iso)).toEqual([
      "2026-11-30T08:00:00.000Z", "2026-12-01T08:00:00.000Z", "2026-12-02T08:00:00.000Z", "2026-12-03T08:00:00.000Z", "2026-12-04T08:00:00.000Z",
    ]);
  });

  it("is strictly after `after`", () => {
    const daily = cron("0 9 * * *", "UTC");
    expect(nextSlots(daily, utc("2026-12-01T09:00:00Z"), 1).map(iso)).toEqual(["2026-12-02T09:00:00.000Z"]);
    expect(nextSlots(daily, utc("2026-12-01T08:59:59.999Z"), 1).map(iso)).toEqual(["2026-12-01T09:00:00.000Z"]);
    expect(nextSlots(daily, utc("2026-12-01T09:00:00.001Z"), 1).map(iso)).toEqual(["2026-12-02T09:00:00.000Z"]);
    expect(nextSlots(daily, 0, 0)).toEqual([]);
  });

  it("every second: * * * * * * and every 1s", () => {
    const after = utc("2026-12-01T09:00:00.500Z");
    const expected = [1, 2, 3].map((s) => utc("2026-12-01T09:00:00Z") + s * 1000);
    expect(nextSlots(cron("* * * * * *", "UTC"), after, 3)).toEqual(expected);
    expect(nextSlots(cron("* * * * * *", "Europe/Paris"), after, 3)).toEqual(expected);
    const everySecond = normaliseTiming({ every: "1s", anchor: "2026-12-01T09:00:00Z" }, NOW);
    expect(nextSlots(everySecond, after, 3)).toEqual(expected);
  });

  it("interval: anchor + k * every", () => {
    const anchor = utc("2026-11-29T10:00:00Z");
    const t: ScheduleTiming = { kind: "interval", everyMs: 900_000, anchor };
    expect(nextSlots(t, anchor - 1, 2)).toEqual([anchor, anchor + 900_000]);
    expect(nextSlots(t, anchor, 2)).toEqual([anchor + 900_000, anchor + 1_800_000]);
    expect(nextSlots(t, anchor + 900_000 * 100 + 1, 1)).toEqual([anchor + 900_000 * 101]);
    expect(nextSlots(t, anchor - 10 * 86_400_000, 1)).toEqual([anchor]);
  });

  it("once: [at] while at is after `after`", () => {
    const at = utc("2026-12-01T09:00:00Z");
    expect(nextSlots({ kind: "once", at }, at - 1, 5)).toEqual([at]);
    expect(nextSlots({ kind: "once", at }, at, 5)).toEqual([]);
  });

  it("stays right past the Cron cache's bound", () => {
    const timings = Array.from({ length: 1200 }, (_, i) => cron(`${i % 60} ${Math.floor(i / 60) % 24} * * *`, i % 2 ? "UTC" : "Asia/Tokyo"));
    const after = utc("2026-12-01T00:00:00Z");
    for (const [i, t] of timings.entries()) {
      const [slot] = nextSlots(t, after, 1);
      const w = wall(slot!, i % 2 ? "UTC" : "Asia/Tokyo");
      expect([w.h, w.mi]).toEqual([Math.floor(i / 60) % 24, i % 60]);
    }
  });
});

describe("DST", () => {
  const between = (t: ScheduleTiming, from: string, to: string) => slotsBetween(t, utc(from), utc(to), 1000).map(iso);

  it("Europe/Paris spring forward (2026-03-29, 02:00 CET -> 03:00 CEST): a daily 02:30 fires once, at 03:00", () => {
    expect(between(cron("30 2 * * *", "Europe/Paris"), "2026-03-27T12:00:00Z", "2026-03-30T12:00:00Z")).toEqual([
      "2026-03-28T01:30:00.000Z", // 02:30 CET
      "2026-03-29T01:00:00.000Z", // 03:00 CEST, the first instant after the gap
      "2026-03-30T00:30:00.000Z", // 02:30 CEST
    ]);
    // Two slots in the gap become one.
    expect(between(cron("0,30 2 * * *", "Europe/Paris"), "2026-03-28T12:00:00Z", "2026-03-29T12:00:00Z")).toEqual(["2026-03-29T01:00:00.000Z"]);
    // A listed hour counts as a fixed time too.
    expect(between(cron("30 2,14 * * *", "Europe/Paris"), "2026-03-28T12:00:00Z", "2026-03-29T23:00:00Z")).toEqual([
      "2026-03-28T13:30:00.000Z", "2026-03-29T01:00:00.000Z", "2026-03-29T12:30:00.000Z",
    ]);
  });

  it("Europe/Paris spring forward: a half-hourly job skips the missing hour", () => {
    const slots = between(cron("*/30 * * * *", "Europe/Paris"), "2026-03-29T00:00:00Z", "2026-03-29T02:00:00Z");
    expect(slots).toEqual(["2026-03-29T00:30:00.000Z", "2026-03-29T01:00:00.000Z", "2026-03-29T01:30:00.000Z", "2026-03-29T02:00:00.000Z"]);
    // The local day has 23 hours: 46 half-hour slots.
    expect(between(cron("*/30 * * * *", "Europe/Paris"), "2026-03-28T22:59:59Z", "2026-03-29T21:59:59Z")).toHaveLength(46);
  });

  it("Europe/Paris fall back (2026-10-25, 03:00 CEST -> 02:00 CET): a daily 02:30 fires once, on the first pass", () => {
    expect(between(cron("30 2 * * *", "Europe/Paris"), "2026-10-23T12:00:00Z", "2026-10-26T12:00:00Z")).toEqual([
      "2026-10-24T00:30:00.000Z", // 02:30 CEST
      "2026-10-25T00:30:00.000Z", // 02:30 CEST; not again at 01:30Z (02:30 CET)
      "2026-10-26T01:30:00.000Z", // 02:30 CET
    ]);
    expect(between(cron("30 2,14 * * *", "Europe/Paris"), "2026-10-24T12:00:00Z", "2026-10-25T23:00:00Z")).toEqual([
      "2026-10-24T12:30:00.000Z", "2026-10-25T00:30:00.000Z", "2026-10-25T13:30:00.000Z",
    ]);
  });

  it("Europe/Paris fall back: a half-hourly job fires on both passes of the repeated hour", () => {
    expect(between(cron("*/30 * * * *", "Europe/Paris"), "2026-10-24T23:45:00Z", "2026-10-25T02:00:00Z")).toEqual([
      "2026-10-25T00:00:00.000Z", // 02:00 CEST
      "2026-10-25T00:30:00.000Z", // 02:30 CEST
      "2026-10-25T01:00:00.000Z", // 02:00 CET
      "2026-10-25T01:30:00.000Z", // 02:30 CET
      "2026-10-25T02:00:00.000Z", // 03:00 CET
    ]);
    // The local day has 25 hours: 50 half-hour slots, all distinct instants.
    const day = between(cron("*/30 * * * *", "Europe/Paris"), "2026-10-24T21:59:59Z", "2026-10-25T22:59:59Z");
    expect(day).toHaveLength(50);
    expect(new Set(day).size).toBe(50);
  });

  it("America/New_York spring forward (2026-03-08, 02:00 EST -> 03:00 EDT)", () => {
    expect(between(cron("30 2 * * *", "America/New_York"), "2026-03-06T12:00:00Z", "2026-03-09T12:00:00Z")).toEqual([
      "2026-03-07T07:30:00.000Z", // 02:30 EST
      "2026-03-08T07:00:00.000Z", // 03:00 EDT
      "2026-03-09T06:30:00.000Z", // 02:30 EDT
    ]);
    expect(between(cron("*/30 * * * *", "America/New_York"), "2026-03-08T06:00:00Z", "2026-03-08T07:30:00Z")).toEqual([
      "2026-03-08T06:30:00.000Z", "2026-03-08T07:00:00.000Z", "2026-03-08T07:30:00.000Z", // 01:30 EST, 03:00 EDT, 03:30 EDT
    ]);
  });

  it("America/New_York fall back (2026-11-01, 02:00 EDT -> 01:00 EST)", () => {
    expect(between(cron("30 1 * * *", "America/New_York"), "2026-10-30T12:00:00Z", "2026-11-02T12:00:00Z")).toEqual([
      "2026-10-31T05:30:00.000Z", // 01:30 EDT
      "2026-11-01T05:30:00.000Z", // 01:30 EDT; not again at 06:30Z (01:30 EST)
      "2026-11-02T06:30:00.000Z", // 01:30 EST
    ]);
    expect(between(cron("*/30 * * * *", "America/New_York"), "2026-11-01T04:45:00Z", "2026-11-01T07:00:00Z")).toEqual([
      "2026-11-01T05:00:00.000Z", "2026-11-01T05:30:00.000Z", // 01:00, 01:30 EDT
      "2026-11-01T06:00:00.000Z", "2026-11-01T06:30:00.000Z", // 01:00, 01:30 EST
      "2026-11-01T07:00:00.000Z", // 02:00 EST
    ]);
  });

  // Each zone's 2026 and 2027 changes; slots are drawn near them half the time.
  const CHANGES: Record<string, string[]> = {
    "Europe/Paris": ["2026-03-29", "2026-10-25", "2027-03-28", "2027-10-31"],
    "America/New_York": ["2026-03-08", "2026-11-01", "2027-03-14", "2027-11-07"],
    "Australia/Sydney": ["2026-04-05", "2026-10-04", "2027-04-04", "2027-10-03"],
    "Australia/Lord_Howe": ["2026-04-05", "2026-10-04", "2027-04-04", "2027-10-03"], // half-hour shifts
    "Asia/Kolkata": [],
    UTC: [],
  };
  const anyTime = fc.integer({ min: utc("2026-01-01T00:00:00Z"), max: utc("2027-12-31T00:00:00Z") });
  const zoneAndStart = fc.constantFrom(...Object.keys(CHANGES)).chain((tz) => {
    const near = CHANGES[tz]!.map((d) => utc(`${d}T00:00:00Z`));
    const start = near.length === 0
      ? anyTime
      : fc.oneof(fc.tuple(fc.constantFrom(...near), fc.integer({ min: -2 * 86_400_000, max: 86_400_000 })).map(([t, d]) => t + d), anyTime);
    return fc.tuple(fc.constant(tz), start);
  });
  // Biased towards the hours the clocks change in.
  const hour = fc.oneof(fc.constantFrom(1, 2, 3), fc.integer({ min: 0, max: 23 }));

  it("property: a daily M H * * * fires once per local day, at H:M when it exists, else where the gap ends", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 59 }), hour, zoneAndStart, (m, h, [tz, after]) => {
        const slots = nextSlots(cron(`${m} ${h} * * *`, tz), after, 6);
        expect(slots).toHaveLength(6);
        // The first slot is today's if still to come, else tomorrow's.
        const firstDay = localDay(after, tz);
        expect([firstDay, firstDay + 1]).toContain(localDay(slots[0]!, tz));
        slots.forEach((slot, i) => {
          expect(slot).toBeGreaterThan(i === 0 ? after : slots[i - 1]!);
          if (i > 0) expect(localDay(slot, tz)).toBe(localDay(slots[i - 1]!, tz) + 1);
          const w = wall(slot, tz);
          const candidates = wallToInstants(w.y, w.mo, w.d, h, m, tz);
          if (candidates.length > 0) {
            expect(iso(slot)).toBe(iso(candidates[0]!)); // the first pass when the hour repeats
          } else {
            // H:M fell in a gap: the slot is the instant the clocks jumped.
            expect(offsetMs(slot - 1000, tz)).not.toBe(offsetMs(slot, tz));
          }
          if (i === 0 && localDay(slot, tz) === firstDay + 1) {
            // Today's slot, if any, was not after `after`.
            const today = wall(after, tz);
            const todays = wallToInstants(today.y, today.mo, today.d, h, m, tz);
            if (todays.length > 0) expect(todays[0]!).toBeLessThanOrEqual(after);
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe("slotsBetween", () => {
  it("lists (after, until], ascending, stopping at limit", () => {
    const anchor = utc("2026-11-29T10:00:00Z");
    const t: ScheduleTiming = { kind: "interval", everyMs: 60_000, anchor };
    expect(slotsBetween(t, anchor, anchor + 180_000, 100)).toEqual([anchor + 60_000, anchor + 120_000, anchor + 180_000]);
    expect(slotsBetween(t, anchor - 1, anchor + 180_000, 2)).toEqual([anchor, anchor + 60_000]);
    expect(slotsBetween(t, anchor, anchor, 10)).toEqual([]);
    const hourly = cron("0 * * * *", "Europe/Paris");
    expect(slotsBetween(hourly, utc("2026-12-01T00:00:00Z"), utc("2026-12-01T03:00:00Z"), 10).map(iso)).toEqual([
      "2026-12-01T01:00:00.000Z", "2026-12-01T02:00:00.000Z", "2026-12-01T03:00:00.000Z",
    ]);
    expect(slotsBetween(hourly, utc("2026-12-01T00:00:00Z"), utc("2026-12-02T00:00:00Z"), 2)).toHaveLength(2);
    const once: ScheduleTiming = { kind: "once", at: anchor };
    expect(slotsBetween(once, anchor - 1, anchor, 5)).toEqual([anchor]);
    expect(slotsBetween(once, anchor, anchor + 1, 5)).toEqual([]);
  });
});
