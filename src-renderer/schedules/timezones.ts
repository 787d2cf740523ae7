/**
 * The time-zone picker's data: every IANA zone the browser knows, searched the
 * way people type them ("new york", "paris", "utc"), with their current offset.
 */
import { defaultTimezone } from "../../shared/schedule/timing.ts";

let cached: string[] | null = null;

/** Every zone Intl knows, with UTC and the user's own zone always present. */
export function allTimezones(): string[] {
  if (cached) return cached;
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf("timeZone");
  } catch {
    zones = [];
  }
  const set = new Set(zones);
  set.add("UTC");
  set.add(defaultTimezone());
  cached = [...set].sort();
  return cached;
}

const normalise = (text: string) => text.toLowerCase().replace(/[_\s/-]+/g, " ").trim();

/**
 * Zones matching every word of the query, best first: the city (last part)
 * starting with the query, then any part starting with it, then anywhere.
 */
export function searchTimezones(zones: readonly string[], query: string, limit = 50): string[] {
  const q = normalise(query);
  if (!q) return zones.slice(0, limit);
  const words = q.split(" ");
  const scored: Array<[number, string]> = [];
  for (const zone of zones) {
    const text = normalise(zone);
    if (!words.every((w) => text.includes(w))) continue;
    const city = normalise(zone.split("/").at(-1) ?? zone);
    const score = city.startsWith(q) ? 0 : text.split(" ").some((part) => part.startsWith(words[0]!)) ? 1 : 2;
    scored.push([score, zone]);
  }
  scored.sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
  return scored.slice(0, limit).map(([, zone]) => zone);
}

/** "UTC+01:00" (or "UTC" itself) at a given time: offsets change with DST. */
export function zoneOffset(timezone: string, at: number): string {
  try {
    const parts = new Intl.DateTimeFormat("en-US", { timeZone: timezone, timeZoneName: "longOffset" }).formatToParts(at);
    const name = parts.find((p) => p.type === "timeZoneName")?.value ?? "";
    return name === "GMT" || name === "GMT+00:00" ? "UTC" : name.replace("GMT", "UTC");
  } catch {
    return "";
  }
}
