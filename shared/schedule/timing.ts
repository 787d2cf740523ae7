/**
 * From a ScheduleSpec to fire times: durations, instants, time zones and cron, via croner.
 * Browser-safe (croner is plain JS and uses Intl for zones).
 *
 * Cron: 5 fields (minute hour day-of-month month day-of-week) or 6 with seconds first; no year
 * field. Names (MON-FRI, JAN) and croner's nicknames (@daily, @hourly...) work. Day-of-month and
 * day-of-week are ORed when both are set, like classic cron.
 *
 * DST (croner 11 with fixedTimeRule "no-wildcard", verified in timing.test.ts):
 * - A fixed-time job (no `*` or step in the second, minute and hour fields, e.g. `30 2 * * *` or
 *   `0 9,17 * * 1-5`) whose wall time does not exist on a spring-forward day fires once, at the
 *   first instant after the gap (02:30 in Paris on 2026-03-29 fires at 03:00 CEST). On a
 *   fall-back day it fires once, on the first pass (02:30 CEST on 2026-10-25, not 02:30 CET).
 * - Any other job (every 30 minutes `*\/30 * * * *`, hourly `5 * * * *`) skips slots inside the gap and
 *   fires on both passes of the repeated hour: they are distinct instants, an hour apart.
 */
import { Cron } from "croner";
import { makeError } from "../errors.ts";
import type { ScheduleSpec, ScheduleTiming } from "./spec.ts";

export const MIN_INTERVAL_MS = 1000;
/** Ten years: far enough for any schedule, and anchor + k * every stays a safe integer. */
export const MAX_INTERVAL_MS = 3650 * 86_400_000;

const invalid = (problem: string) => makeError("invalid-schedule", [problem]);

/** A user's value, quoted on one line and short enough for an error message. */
function quote(value: unknown): string {
  const text = String(value).replace(/\s+/g, " ");
  return `'${text.length > 80 ? `${text.slice(0, 77)}...` : text}'`;
}

// ---------------------------------------------------------------------------------------------
// Durations

const UNIT_MS: Record<string, number> = {
  ms: 1, msec: 1, msecs: 1, millisecond: 1, milliseconds: 1,
  s: 1000, sec: 1000, secs: 1000, second: 1000, seconds: 1000,
  m: 60_000, min: 60_000, mins: 60_000, minute: 60_000, minutes: 60_000,
  h: 3_600_000, hr: 3_600_000, hrs: 3_600_000, hour: 3_600_000, hours: 3_600_000,
  d: 86_400_000, day: 86_400_000, days: 86_400_000,
  w: 604_800_000, wk: 604_800_000, week: 604_800_000, weeks: 604_800_000,
};
// Longest names first, so "ms" is not read as "m" followed by "s".
const UNIT_ALTERNATION = Object.keys(UNIT_MS).sort((a, b) => b.length - a.length).join("|");
const DURATION_WHOLE = new RegExp(`^(?:\\d+(?:\\.\\d+)?(?:${UNIT_ALTERNATION}))+$`);
const DURATION_PART = new RegExp(`(\\d+(?:\\.\\d+)?)(${UNIT_ALTERNATION})`, "g");
const DURATION_HINT = "write it like 90s, 15m, 1h30m or 2d";

/** Milliseconds from a positive whole number of ms, or text like "90s", "15m", "1h30m", "2d", "1w". */
export function parseDuration(value: string | number): number {
  let ms: number;
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value) || value <= 0) {
      throw invalid(`every: ${quote(value)} is not a duration; give a positive whole number of milliseconds, or ${DURATION_HINT}`);
    }
    ms = value;
  } else {
    const text = String(value).toLowerCase().replace(/\s+/g, "");
    if (/^\d+(?:\.\d+)?$/.test(text)) throw invalid(`every: ${quote(value)} has no unit; ${DURATION_HINT}`);
    if (!DURATION_WHOLE.test(text)) throw invalid(`every: ${quote(value)} is not a duration; ${DURATION_HINT}`);
    ms = 0;
    for (const [, amount, unit] of text.matchAll(DURATION_PART)) ms += Number(amount) * UNIT_MS[unit as string]!;
    ms = Math.round(ms);
  }
  if (ms < MIN_INTERVAL_MS) throw invalid(`every: ${quote(value)} is shorter than the minimum, 1s (1000 ms)`);
  if (ms > MAX_INTERVAL_MS) throw invalid(`every: ${quote(value)} is longer than the maximum, 3650d`);
  return ms;
}

// ---------------------------------------------------------------------------------------------
// Instants

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const MAX_INSTANT = 8.64e15;

/**
 * Milliseconds since the epoch from a number or an ISO 8601 string with a date ("2026-12-01",
 * "2026-12-01T09:00", "2026-12-01T09:00:00+01:00"). Without an offset the time is local to this
 * machine (or browser), as in `new Date(y, m, d, ...)`; that goes for a date alone too.
 */
export function parseInstant(value: string | number, field: string): number {
  const bad = () =>
    invalid(`${field}: ${quote(value)} is not a time; give ms since the epoch or an ISO 8601 date like 2026-12-01T09:00:00Z`);
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value) || value < 0 || value > MAX_INSTANT) throw bad();
    return value;
  }
  const m = ISO.exec(String(value).trim());
  if (!m) throw bad();
  const [y, mo, d, h = 0, mi = 0, s = 0] = m.slice(1, 7).map((part) => (part === undefined ? undefined : Number(part)));
  const ms = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  const year = y!, month = mo!, day = d!;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || h > 23 || mi > 59 || s > 59) throw bad();
  let result: number;
  const zone = m[8];
  if (zone === undefined) {
    result = new Date(year, month - 1, day, h, mi, s, ms).getTime();
  } else if (zone.toUpperCase() === "Z") {
    result = Date.UTC(year, month - 1, day, h, mi, s, ms);
  } else {
    const digits = zone.slice(1).replace(":", "");
    const offsetMin = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || "0");
    if (offsetMin > 18 * 60 || Number(digits.slice(2) || "0") > 59) throw bad();
    result = Date.UTC(year, month - 1, day, h, mi, s, ms) - (zone.startsWith("-") ? -1 : 1) * offsetMin * 60_000;
  }
  if (!Number.isFinite(result) || result < 0 || result > MAX_INSTANT) throw bad();
  return result;
}

// ---------------------------------------------------------------------------------------------
// Time zones

const knownZones = new Set<string>();

/** True if Intl knows the zone (IANA names such as Europe/Paris, and UTC). */
export function isValidTimezone(tz: string): boolean {
  if (typeof tz !== "string" || tz.trim() === "") return false;
  if (knownZones.has(tz)) return true;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
  } catch {
    return false;
  }
  knownZones.add(tz);
  return true;
}

/** This machine's (or browser's) zone, or UTC if it has none. */
export function defaultTimezone(): string {
  try {
    const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (tz && isValidTimezone(tz)) return tz;
  } catch {
    // no Intl zone data: fall through
  }
  return "UTC";
}

// ---------------------------------------------------------------------------------------------
// Cron

const CRON_FIELDS_5 = ["minute", "hour", "day-of-month", "month", "day-of-week"] as const;
const CRON_FIELDS_6 = ["second", ...CRON_FIELDS_5] as const;
const FIELD_RANGE: Record<string, [number, number]> = {
  second: [0, 59], minute: [0, 59], hour: [0, 23], "day-of-month": [1, 31], month: [1, 12], "day-of-week": [0, 7],
};
// UTC zones get a fixed offset: croner then skips Intl, which makes each slot several times cheaper.
const UTC_ZONES = new Set(["utc", "etc/utc", "gmt", "etc/gmt", "uct", "etc/uct", "universal", "etc/universal", "zulu", "etc/zulu"]);

/**
 * Parsed Cron objects by (zone, expression). Each croner pattern holds a 10,000-entry year table
 * (about 80 KB), so the cache stays small; creating one costs tens of microseconds.
 */
const CRON_CACHE_MAX = 500;
const cronCache = new Map<string, Cron>();

/** The cron in the brief's one-line form: "cron '<expr>': <reason>". */
function cronError(expr: string, reason: string) {
  return invalid(`cron ${quote(expr)}: ${reason.replace(/^CronPattern:\s*/i, "").replace(/\s+/g, " ")}`);
}

/** Clear messages for the common mistakes; croner's own reasons cover the rest. */
function checkCronFields(expr: string): void {
  if (expr.startsWith("@")) return;
  const parts = expr.split(" ");
  if (parts.length !== 5 && parts.length !== 6) {
    throw cronError(
      expr,
      `has ${parts.length} field${parts.length === 1 ? "" : "s"}; write 5 (minute hour day-of-month month day-of-week) or 6 with seconds first`,
    );
  }
  const names = parts.length === 5 ? CRON_FIELDS_5 : CRON_FIELDS_6;
  parts.forEach((part, i) => {
    const name = names[i]!;
    const [min, max] = FIELD_RANGE[name]!;
    for (const item of part.split(",")) {
      const [range, step] = item.split("/");
      if (step !== undefined && /^\d+$/.test(step) && Number(step) === 0) throw cronError(expr, `${name} step 0 is not allowed`);
      for (const end of (range ?? "").split("-")) {
        if (/^\d+$/.test(end) && (Number(end) < min || Number(end) > max)) {
          throw cronError(expr, `${name} ${Number(end)} is out of range (${min}-${max})`);
        }
      }
    }
  });
}

function getCron(expr: string, timezone: string): Cron {
  const key = `${timezone}\u0000${expr}`;
  let cron = cronCache.get(key);
  if (cron) return cron;
  const zone = UTC_ZONES.has(timezone.toLowerCase()) ? { utcOffset: 0 } : { timezone };
  cron = new Cron(expr, { ...zone, paused: true, mode: "5-or-6-parts", fixedTimeRule: "no-wildcard" });
  if (cronCache.size >= CRON_CACHE_MAX) cronCache.clear();
  cronCache.set(key, cron);
  return cron;
}

/** Checks a cron expression (whitespace already collapsed) in a zone; throws invalid-schedule. */
function checkCron(expr: string, timezone: string, now: number): void {
  if (expr === "") throw invalid("cron is empty; write 5 fields like '0 9 * * 1-5'");
  checkCronFields(expr);
  let cron: Cron;
  try {
    cron = getCron(expr, timezone);
  } catch (error) {
    throw cronError(expr, error instanceof Error ? error.message : String(error));
  }
  if (cron.nextRun(new Date(now)) === null) throw cronError(expr, "never fires (no date matches it)");
}

// ---------------------------------------------------------------------------------------------
// Timing

/** Validates a spec and turns it into the timing slots are computed from. */
export function normaliseTiming(spec: ScheduleSpec, now: number): ScheduleTiming {
  if ("cron" in spec) {
    const timezone = spec.timezone === undefined ? defaultTimezone() : spec.timezone.trim();
    if (!isValidTimezone(timezone)) {
      throw invalid(`timezone ${quote(timezone)} is not an IANA time zone (e.g. Europe/Paris, America/New_York, UTC)`);
    }
    const cron = spec.cron.trim().replace(/\s+/g, " ");
    checkCron(cron, timezone, now);
    return { kind: "cron", cron, timezone };
  }
  if ("every" in spec) {
    const everyMs = parseDuration(spec.every);
    const anchor = spec.anchor === undefined ? Math.floor(now / 1000) * 1000 : parseInstant(spec.anchor, "anchor");
    return { kind: "interval", everyMs, anchor };
  }
  return { kind: "once", at: parseInstant(spec.at, "at") };
}

/** The first interval slot strictly after `after`. */
function firstIntervalSlot(everyMs: number, anchor: number, after: number): number {
  if (after < anchor) return anchor;
  return anchor + (Math.floor((after - anchor) / everyMs) + 1) * everyMs;
}

/** The next `limit` fire times strictly after `after`, ascending. */
export function nextSlots(timing: ScheduleTiming, after: number, limit: number): number[] {
  if (!(limit > 0) || Number.isNaN(after)) return [];
  switch (timing.kind) {
    case "once":
      return timing.at > after ? [timing.at] : [];
    case "interval": {
      const out: number[] = [];
      let t = firstIntervalSlot(timing.everyMs, timing.anchor, after);
      for (let i = 0; i < limit; i++, t += timing.everyMs) out.push(t);
      return out;
    }
    case "cron":
      return getCron(timing.cron, timing.timezone)
        .nextRuns(Math.min(limit, 1_000_000), new Date(after))
        .map((date) => date.getTime());
  }
}

/** Fire times in (afterExclusive, untilInclusive], ascending, the first `limit` of them. */
export function slotsBetween(timing: ScheduleTiming, afterExclusive: number, untilInclusive: number, limit: number): number[] {
  const out: number[] = [];
  if (!(limit > 0) || !(untilInclusive > afterExclusive)) return out;
  switch (timing.kind) {
    case "once":
      if (timing.at > afterExclusive && timing.at <= untilInclusive) out.push(timing.at);
      return out;
    case "interval":
      for (let t = firstIntervalSlot(timing.everyMs, timing.anchor, afterExclusive); t <= untilInclusive && out.length < limit; t += timing.everyMs) {
        out.push(t);
      }
      return out;
    case "cron": {
      const cron = getCron(timing.cron, timing.timezone);
      let from = new Date(afterExclusive);
      while (out.length < limit) {
        const next = cron.nextRun(from);
        if (next === null || next.getTime() > untilInclusive) break;
        out.push(next.getTime());
        from = next;
      }
      return out;
    }
  }
}
