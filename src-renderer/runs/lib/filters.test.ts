import { describe, expect, it } from "vitest";
import { formatFilters, hasFilters, listInput, NO_FILTERS, parseFilters } from "./filters.ts";

describe("run filters in the URL", () => {
  it("reads the dashboard's link", () => {
    expect(parseFilters("state=FAILED")).toEqual({ ...NO_FILTERS, states: ["FAILED"] });
  });

  it("round-trips every filter", () => {
    const filters = { flow: "etl orders", states: ["RUNNING" as const, "FAILED" as const], range: "7d" as const, text: "a&b=c", sort: "longest" as const };
    const query = formatFilters(filters);
    expect(query).toBe("state=RUNNING,FAILED&flow=etl+orders&since=7d&text=a%26b%3Dc&sort=longest");
    expect(parseFilters(query)).toEqual(filters);
  });

  it("leaves defaults out and ignores what it does not know", () => {
    expect(formatFilters(NO_FILTERS)).toBe("");
    expect(parseFilters("state=nope,failed&sort=sideways&since=3y")).toEqual({ ...NO_FILTERS, states: ["FAILED"] });
    expect(parseFilters(undefined)).toEqual(NO_FILTERS);
  });

  it("orders states as the chips do, whatever the URL's order", () => {
    expect(parseFilters("state=FAILED&state=COMPLETED").states).toEqual(["COMPLETED", "FAILED"]);
  });

  it("knows when anything is filtered (sort is not a filter)", () => {
    expect(hasFilters({ ...NO_FILTERS, sort: "oldest" })).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, text: " x " })).toBe(true);
  });

  it("makes the runs.list input: top-level runs, the range from now", () => {
    expect(listInput({ ...NO_FILTERS, range: "1h", states: ["FAILED"] }, 10_000_000, "c1", 50)).toEqual({
      parentFlowRunId: null,
      limit: 50,
      sort: "newest",
      states: ["FAILED"],
      since: 10_000_000 - 3600_000,
      cursor: "c1",
    });
  });
});
