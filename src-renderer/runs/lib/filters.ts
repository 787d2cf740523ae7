/** The runs view's filters, and their round trip through the URL query (`#/runs?state=FAILED&flow=x`). */
import { STATE_TYPES, type StateType } from "../../../shared/sdk/states.ts";

export const RANGES = { "1h": 3600_000, "24h": 24 * 3600_000, "7d": 7 * 24 * 3600_000, "30d": 30 * 24 * 3600_000 } as const;
export type Range = keyof typeof RANGES;
export const SORTS = ["newest", "oldest", "longest"] as const;
export type Sort = (typeof SORTS)[number];

export interface RunFilters {
  flow: string | null;
  states: StateType[];
  range: Range | null;
  text: string;
  sort: Sort;
}

export const NO_FILTERS: RunFilters = { flow: null, states: [], range: null, text: "", sort: "newest" };

export function parseFilters(query: string | undefined): RunFilters {
  const params = new URLSearchParams(query ?? "");
  const states = params
    .getAll("state")
    .flatMap((s) => s.split(","))
    .map((s) => s.trim().toUpperCase())
    .filter((s): s is StateType => (STATE_TYPES as readonly string[]).includes(s));
  const since = params.get("since");
  const sort = params.get("sort");
  return {
    flow: params.get("flow") || null,
    states: STATE_TYPES.filter((s) => states.includes(s)),
    range: since && Object.hasOwn(RANGES, since) ? (since as Range) : null,
    text: params.get("text") ?? "",
    sort: sort && (SORTS as readonly string[]).includes(sort) ? (sort as Sort) : "newest",
  };
}

/** Defaults are left out, so a plain view stays `#/runs`. */
export function formatFilters(filters: RunFilters): string {
  const params = new URLSearchParams();
  if (filters.states.length) params.set("state", filters.states.join(","));
  if (filters.flow) params.set("flow", filters.flow);
  if (filters.range) params.set("since", filters.range);
  if (filters.text.trim()) params.set("text", filters.text.trim());
  if (filters.sort !== "newest") params.set("sort", filters.sort);
  return params.toString().replaceAll("%2C", ",");
}

export function hasFilters(filters: RunFilters): boolean {
  return !!filters.flow || filters.states.length > 0 || !!filters.range || !!filters.text.trim();
}

/** The runs.list input for one page; `now` pins the time range so pages agree. */
export function listInput(filters: RunFilters, now: number, cursor: string | null, limit = 100) {
  return {
    parentFlowRunId: null,
    limit,
    sort: filters.sort,
    ...(filters.flow ? { flowName: filters.flow } : {}),
    ...(filters.states.length ? { states: filters.states } : {}),
    ...(filters.range ? { since: now - RANGES[filters.range] } : {}),
    ...(filters.text.trim() ? { text: filters.text.trim() } : {}),
    ...(cursor ? { cursor } : {}),
  };
}
