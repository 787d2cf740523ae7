import { describe, expect, it } from "vitest";
import { allTimezones, searchTimezones, zoneOffset } from "./timezones.ts";

const ZONES = ["America/New_York", "America/Paramaribo", "Asia/Tokyo", "Europe/Paris", "UTC", "America/Argentina/Buenos_Aires"];

describe("time-zone search", () => {
  it("lists every zone the browser knows, UTC included", () => {
    const zones = allTimezones();
    expect(zones).toContain("Europe/Paris");
    expect(zones).toContain("UTC");
    expect([...zones].sort()).toEqual(zones);
  });

  it("matches words typed with spaces, any case", () => {
    expect(searchTimezones(ZONES, "new york")).toEqual(["America/New_York"]);
    expect(searchTimezones(ZONES, "buenos")).toEqual(["America/Argentina/Buenos_Aires"]);
    expect(searchTimezones(ZONES, "UTC")).toEqual(["UTC"]);
  });

  it("puts cities starting with the query first", () => {
    expect(searchTimezones(ZONES, "par")).toEqual(["America/Paramaribo", "Europe/Paris"]);
    expect(searchTimezones(ZONES, "paris")).toEqual(["Europe/Paris"]);
    expect(searchTimezones(ZONES, "europe")).toEqual(["Europe/Paris"]);
  });

  it("returns the first zones for an empty query, up to the limit", () => {
    expect(searchTimezones(ZONES, "  ", 2)).toEqual(ZONES.slice(0, 2));
  });

  it("shows offsets as UTC±hh:mm, with DST", () => {
    expect(zoneOffset("Europe/Paris", Date.UTC(2026, 0, 15))).toBe("UTC+01:00");
    expect(zoneOffset("Europe/Paris", Date.UTC(2026, 6, 15))).toBe("UTC+02:00");
    expect(zoneOffset("UTC", Date.UTC(2026, 6, 15))).toBe("UTC");
    expect(zoneOffset("Not/AZone", 0)).toBe("");
  });
});
