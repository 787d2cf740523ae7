import { describe, expect, it } from "vitest";
import { NO_FILTERS } from "./filters.ts";
import { matchesFilters, mergeRuns } from "./merge.ts";

const run = (id: string, createdAt: number, extra: Partial<Parameters<typeof matchesFilters>[0]> = {}) => ({
  id,
  name: `run-${id}`,
  flowName: "etl",
  parameters: "{}",
  stateType: "COMPLETED" as const,
  createdAt,
  startTime: createdAt,
  endTime: createdAt + 10,
  parentFlowRunId: null,
  ...extra,
});

describe("merging live runs", () => {
  const list = [run("c", 30), run("b", 20), run("a", 10)];

  it("puts new runs on top for newest", () => {
    expect(mergeRuns(list, [run("d", 40)], NO_FILTERS, 100, false).map((r) => r.id)).toEqual(["d", "c", "b", "a"]);
  });

  it("updates a run in place", () => {
    const out = mergeRuns(list, [run("b", 20, { stateType: "FAILED" })], NO_FILTERS, 100, false);
    expect(out.map((r) => [r.id, r.stateType])).toEqual([["c", "COMPLETED"], ["b", "FAILED"], ["a", "COMPLETED"]]);
  });

  it("drops a run that stops matching and skips ones that never did", () => {
    const failed = { ...NO_FILTERS, states: ["COMPLETED" as const] };
    const out = mergeRuns(list, [run("b", 20, { stateType: "RUNNING" }), run("d", 40, { stateType: "FAILED" }), run("e", 50, { parentFlowRunId: "c" })], failed, 100, false);
    expect(out.map((r) => r.id)).toEqual(["c", "a"]);
  });

  it("leaves a run past the loaded page to the next page, unless all is loaded", () => {
    const oldest = { ...NO_FILTERS, sort: "oldest" as const };
    const asc = [run("a", 10), run("b", 20)];
    expect(mergeRuns(asc, [run("d", 40)], oldest, 100, false).map((r) => r.id)).toEqual(["a", "b"]);
    expect(mergeRuns(asc, [run("d", 40)], oldest, 100, true).map((r) => r.id)).toEqual(["a", "b", "d"]);
  });

  it("matches text in name, flow and parameters, and the time range", () => {
    expect(matchesFilters(run("x", 10, { parameters: '{"city":"Oslo"}' }), { ...NO_FILTERS, text: "oslo" }, 0)).toBe(true);
    expect(matchesFilters(run("x", 10), { ...NO_FILTERS, text: "oslo" }, 0)).toBe(false);
    expect(matchesFilters(run("x", 10), { ...NO_FILTERS, range: "1h" }, 3600_000 + 11)).toBe(false);
  });

  it("re-sorts by duration for longest, a running run by its time so far", () => {
    const longest = { ...NO_FILTERS, sort: "longest" as const };
    const rows = [run("a", 0, { endTime: 100 }), run("b", 0, { endTime: 50 })];
    const out = mergeRuns(rows, [run("c", 0, { stateType: "RUNNING", endTime: null })], longest, 70, true);
    expect(out.map((r) => r.id)).toEqual(["a", "c", "b"]);
  });

  it("returns the same list when nothing changes", () => {
    expect(mergeRuns(list, [], NO_FILTERS, 0, false)).toBe(list);
  });
});
