/** Live flow-run changes merged into the loaded, filtered, sorted page of runs. */
import type { FlowRunRecord } from "../../../shared/store/types.ts";
import { RANGES, type RunFilters, type Sort } from "./filters.ts";
import { runDuration } from "./duration.ts";

type Run = Pick<FlowRunRecord, "id" | "name" | "flowName" | "parameters" | "stateType" | "createdAt" | "startTime" | "endTime" | "parentFlowRunId">;

export function matchesFilters(run: Run, filters: RunFilters, now: number): boolean {
  if (run.parentFlowRunId !== null) return false;
  if (filters.flow && run.flowName !== filters.flow) return false;
  if (filters.states.length && !filters.states.includes(run.stateType)) return false;
  if (filters.range && run.createdAt < now - RANGES[filters.range]) return false;
  const text = filters.text.trim().toLowerCase();
  if (text && !`${run.name}\n${run.flowName}\n${run.parameters}`.toLowerCase().includes(text)) return false;
  return true;
}

export function compareRuns(sort: Sort, now: number): (a: Run, b: Run) => number {
  const byNewest = (a: Run, b: Run) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
  if (sort === "oldest") return (a, b) => -byNewest(a, b);
  if (sort === "longest") return (a, b) => (runDuration(b, now) ?? -1) - (runDuration(a, now) ?? -1) || byNewest(a, b);
  return byNewest;
}

/**
 * Changed runs replace their old rows, leave when they stop matching, and
 * join where the sort puts them — but only inside the loaded range: a run
 * that sorts after the last loaded row arrives with a later page instead
 * (unless everything is loaded), so pages never repeat or skip a run.
 */
export function mergeRuns<T extends Run>(list: readonly T[], changed: readonly T[], filters: RunFilters, now: number, complete: boolean): T[] {
  if (changed.length === 0) return list as T[];
  const byId = new Map(changed.map((r) => [r.id, r]));
  const compare = compareRuns(filters.sort, now);
  const last = list.at(-1);
  const loaded = new Set<string>();
  const kept = list.filter((r) => (byId.has(r.id) ? (loaded.add(r.id), false) : true));
  const joining = [...byId.values()].filter((r) => matchesFilters(r, filters, now) && (complete || loaded.has(r.id) || !last || compare(r, last) <= 0));
  if (joining.length === 0) return kept.length === list.length ? (list as T[]) : kept;
  if (filters.sort === "longest") return [...kept, ...joining].sort(compare);
  // Insert each joining run in place; the kept list is already sorted.
  const out = kept.slice();
  for (const run of joining.sort(compare)) {
    let lo = 0;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(out[mid]!, run) <= 0) lo = mid + 1;
      else hi = mid;
    }
    out.splice(lo, 0, run);
  }
  return out;
}
