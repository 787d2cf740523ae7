/**
 * Timings as words for the UI ("every weekday at 09:00, Europe/Paris") and times shown in a zone.
 * Covers the common cron forms; anything else reads back as `cron "<expr>", <zone>`. Never throws.
 */
import type { ScheduleTiming } from "./spec.ts";

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAY_NAMES: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
const MONTH_NAMES: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
const NICKNAMES: Record<string, string> = {
  "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *", "@weekly": "0 0 * * 0",
  "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@hourly": "0 * * * *",
};

/** One cron field: any value, a step over all values, or a list of values and ranges. */
type Field =
  | { kind: "any" }
  | { kind: "step"; step: number }
  | { kind: "list"; items: Array<[number, number]> };

/** Thrown inside the describer to fall back to the raw expression. */
class Unusual extends Error {}

function parseField(text: string, min: number, max: number, names?: Record<string, number>): Field {
  if (text === "*" || text === "?") return { kind: "any" };
  const step = /^\*\/(\d+)$/.exec(text);
  if (step) {
    const n = Number(step[1]);
    if (n < 1 || n > max) throw new Unusual();
    return n === 1 ? { kind: "any" } : { kind: "step", step: n };
  }
  const value = (part: string): number => {
    const n = /^\d+$/.test(part) ? Number(part) : names?.[part.toLowerCase()];
    if (n === undefined || n < min || n > max) throw new Unusual();
    return n;
  };
  const items = text.split(",").map((item): [number, number] => {
    const ends = item.split("-");
    if (ends.length === 1) return [value(ends[0]!), value(ends[0]!)];
    if (ends.length !== 2) throw new Unusual();
    const from = value(ends[0]!), to = value(ends[1]!);
    if (from > to) throw new Unusual();
    return [from, to];
  });
  return { kind: "list", items };
}

const single = (f: Field): number | undefined => (f.kind === "list" && f.items.length === 1 && f.items[0]![0] === f.items[0]![1] ? f.items[0]![0] : undefined);
const values = (f: Field): number[] => (f.kind === "list" ? f.items.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i)) : []);
const pad = (n: number) => String(n).padStart(2, "0");
const plural = (n: number, unit: string) => (n === 1 ? unit : `${n} ${unit}s`);

/** "a", "a and b", "a, b and c". */
function joinWords(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

/** List items in words: "Monday to Friday", "1, 15 and 20 to 25". */
function listWords(f: Field & { kind: "list" }, name: (n: number) => string): string {
  return joinWords(f.items.map(([a, b]) => (a === b ? name(a) : `${name(a)} to ${name(b)}`)));
}

/** The time-of-day part: "at 09:00" (fixed) or "every 15 minutes" (frequency). */
function describeTime(sec: Field, min: Field, hour: Field): { fixed: boolean; text: string } {
  const s = single(sec);
  if (s !== undefined && min.kind === "list" && hour.kind === "list") {
    const times = values(hour).flatMap((h) => values(min).map((m) => `${pad(h)}:${pad(m)}${s === 0 ? "" : `:${pad(s)}`}`));
    // Many times (0 9-17 * * *) read better as "every hour from 09:00 to 17:00", below.
    if (times.length <= 6) return { fixed: true, text: `at ${joinWords(times)}` };
  }
  if (sec.kind !== "list") {
    // Sub-minute schedules: only when nothing else is set.
    if (min.kind !== "any" || hour.kind !== "any") throw new Unusual();
    return { fixed: false, text: sec.kind === "any" ? "every second" : `every ${plural(sec.step, "second")}` };
  }
  if (s !== 0) throw new Unusual();
  if (min.kind !== "list") {
    const freq = min.kind === "any" ? "every minute" : `every ${plural(min.step, "minute")}`;
    if (hour.kind === "any") return { fixed: false, text: freq };
    const h = hour.kind === "list" && hour.items.length === 1 ? hour.items[0]! : undefined;
    if (!h) throw new Unusual();
    return { fixed: false, text: `${freq} from ${pad(h[0])}:00 to ${pad(h[1])}:59` };
  }
  const m = single(min);
  if (m === undefined) throw new Unusual();
  const past = m === 0 ? "" : ` at minute ${m}`;
  if (hour.kind === "any") return { fixed: false, text: `every hour${past}` };
  if (hour.kind === "step") return { fixed: false, text: `every ${plural(hour.step, "hour")}${past}` };
  const range = hour.items.length === 1 ? hour.items[0]! : undefined;
  if (!range) throw new Unusual();
  return { fixed: false, text: `every hour from ${pad(range[0])}:${pad(m)} to ${pad(range[1])}:${pad(m)}` };
}

function describeCron(expr: string, timezone: string): string {
  const text = NICKNAMES[expr.trim().toLowerCase()] ?? expr.trim();
  const parts = text.split(/\s+/);
  if (parts.length === 5) parts.unshift("0");
  if (parts.length !== 6) throw new Unusual();
  const [secT, minT, hourT, domT, monT, dowT] = parts as [string, string, string, string, string, string];
  const sec = parseField(secT, 0, 59), min = parseField(minT, 0, 59), hour = parseField(hourT, 0, 23);
  const dom = parseField(domT, 1, 31), month = parseField(monT, 1, 12, MONTH_NAMES);
  let dow = parseField(dowT, 0, 7, DAY_NAMES);
  // Steps over days or months and both day fields at once (croner ORs them) read better as cron.
  if (dom.kind === "step" || month.kind === "step" || dow.kind === "step") throw new Unusual();
  if (dom.kind !== "any" && dow.kind !== "any") throw new Unusual();
  if (dow.kind === "list") {
    // Monday first, so 5-7 reads "Friday to Sunday" and 6,0 "Saturday and Sunday".
    const keys = [...new Set(values(dow).map((d) => (d + 6) % 7))].sort((a, b) => a - b);
    const items = compress(keys).map(([a, b]): [number, number] => [(a + 1) % 7, (b + 1) % 7]);
    dow = keys.length === 7 ? { kind: "any" } : { kind: "list", items };
  }

  const time = describeTime(sec, min, hour);
  const months = month.kind === "list" ? listWords(month, (n) => MONTHS[n - 1]!) : undefined;
  const zone = `, ${timezone}`;
  // Seconds-only schedules tick the same in every zone.
  const noZone = !time.fixed && sec.kind !== "list";

  let days: string;
  if (dow.kind === "list") {
    const weekdays = isWeekdays(dow);
    if (time.fixed) days = weekdays ? "every weekday" : `every ${listWords(dow, (d) => DAYS[d]!)}`;
    else days = weekdays ? "on weekdays" : `on ${listWords(dow, (d) => DAYS[d]!)}`;
  } else if (dom.kind === "list") {
    const one = single(dom) !== undefined && dom.items.length === 1;
    const of = months ? `of ${months}` : "of the month";
    const phrase = `on day${one ? "" : "s"} ${listWords(dom, String)} ${of}`;
    return `${time.text} ${phrase}${zone}`;
  } else {
    days = time.fixed ? "every day" : "";
  }
  const inMonths = months ? ` in ${months}` : "";
  if (time.fixed) return `${days}${inMonths} ${time.text}${zone}`;
  return `${time.text}${days ? ` ${days}` : ""}${inMonths}${noZone && !days && !inMonths ? "" : zone}`;
}

function isWeekdays(f: Field & { kind: "list" }): boolean {
  return f.items.length === 1 && f.items[0]![0] === 1 && f.items[0]![1] === 5;
}

/** Sorted distinct numbers to ranges: [1,2,3,5] -> [[1,3],[5,5]]. */
function compress(sorted: number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const n of sorted) {
    const last = out.at(-1);
    if (last && last[1] === n - 1) last[1] = n;
    else out.push([n, n]);
  }
  // Two adjacent days read better as a list: "Saturday and Sunday".
  return out.flatMap(([a, b]): Array<[number, number]> => (b === a + 1 ? [[a, a], [b, b]] : [[a, b]]));
}

/** "every 15 minutes", "every 2 days", "every 1500 ms". */
function describeEvery(ms: number): string {
  const units: Array<[number, string]> = [[604_800_000, "week"], [86_400_000, "day"], [3_600_000, "hour"], [60_000, "minute"], [1000, "second"]];
  for (const [size, unit] of units) if (ms % size === 0) return `every ${plural(ms / size, unit)}`;
  return `every ${ms} ms`;
}

/** "2026-11-29 10:00 UTC" (seconds only when set). */
function utcText(ms: number): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return String(ms);
  const secs = d.getUTCSeconds() ? `:${pad(d.getUTCSeconds())}` : "";
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}${secs} UTC`;
}

/** A timing in words for the UI. */
export function describeTiming(timing: ScheduleTiming): string {
  try {
    switch (timing.kind) {
      case "interval":
        return `${describeEvery(timing.everyMs)} from ${utcText(timing.anchor)}`;
      case "once":
        return `once, at ${utcText(timing.at)}`;
      case "cron":
        try {
          return describeCron(timing.cron, timing.timezone);
        } catch {
          return `cron "${timing.cron}", ${timing.timezone}`;
        }
      default:
        return "unknown schedule";
    }
  } catch {
    return "unknown schedule";
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: timezone, weekday: "short", year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", hourCycle: "h23",
    });
    if (formatters.size > 200) formatters.clear();
    formatters.set(timezone, f);
  }
  return f;
}

/** "Mon 2026-11-30 09:00": a time as the wall clock in `timezone` shows it (UTC, marked, if the zone is unknown). */
export function formatInZone(ms: number, timezone: string): string {
  if (!Number.isFinite(ms)) return "invalid time";
  let f: Intl.DateTimeFormat;
  let suffix = "";
  try {
    f = formatterFor(timezone);
  } catch {
    f = formatterFor("UTC");
    suffix = " UTC";
  }
  try {
    const p: Record<string, string> = {};
    for (const part of f.formatToParts(ms)) p[part.type] = part.value;
    return `${p.weekday} ${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}${suffix}`;
  } catch {
    return "invalid time";
  }
}
