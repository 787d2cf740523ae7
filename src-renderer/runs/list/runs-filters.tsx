/** The runs view's filter bar: flow, state chips, time range, text (debounced) and sort. */
import { Search, X } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { STATE_TYPES, type StateType } from "../../../shared/sdk/states.ts";
import { useApi } from "../../app/api-context.tsx";
import { Button } from "../../ui/button.tsx";
import { Select, TextInput } from "../../ui/field.tsx";
import { hasFilters, NO_FILTERS, RANGES, type Range, type RunFilters, type Sort } from "../lib/filters.ts";

const RANGE_LABELS: Record<Range, string> = { "1h": "Last hour", "24h": "Last 24 h", "7d": "Last 7 days", "30d": "Last 30 days" };
const CHIPS: StateType[] = STATE_TYPES.filter((s) => s !== "CANCELLING");

export function RunsFilters({ filters, onChange }: { filters: RunFilters; onChange: (next: RunFilters) => void }) {
  const client = useApi();
  const [flowNames, setFlowNames] = useState<string[]>([]);
  useEffect(() => {
    client.call("runs.flowNames", {}).then((r) => setFlowNames(r.names), () => setFlowNames([]));
  }, [client]);

  // The box keeps what is typed; the URL (and the query) follow 200 ms after the last key.
  const [text, setText] = useState(filters.text);
  const latest = useRef(filters);
  latest.current = filters;
  useEffect(() => setText(filters.text), [filters.text]);
  useEffect(() => {
    if (text === latest.current.text) return;
    const timer = setTimeout(() => onChange({ ...latest.current, text }), 200);
    return () => clearTimeout(timer);
  }, [text, onChange]);

  const toggle = (state: StateType) =>
    onChange({ ...filters, states: filters.states.includes(state) ? filters.states.filter((s) => s !== state) : [...filters.states, state] });
  const flows = filters.flow && !flowNames.includes(filters.flow) ? [filters.flow, ...flowNames] : flowNames;

  return (
    <div className="flex flex-col gap-2 border-b border-zinc-200 bg-white px-4 py-3 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex flex-wrap items-center gap-2">
        <div className="relative w-72">
          <Search size={14} className="pointer-events-none absolute top-1/2 left-2 -translate-y-1/2 text-zinc-400" />
          <TextInput data-testid="runs-filter-text" aria-label="Search runs" placeholder="Search name, flow, parameters…" value={text} onChange={(e) => setText(e.target.value)} className="pl-7" />
        </div>
        <Select data-testid="runs-filter-flow" aria-label="Flow" value={filters.flow ?? ""} onChange={(e) => onChange({ ...filters, flow: e.target.value || null })} className="!w-48">
          <option value="">All flows</option>
          {flows.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </Select>
        <Select data-testid="runs-filter-range" aria-label="Time range" value={filters.range ?? ""} onChange={(e) => onChange({ ...filters, range: (e.target.value || null) as Range | null })} className="!w-36">
          <option value="">All time</option>
          {(Object.keys(RANGES) as Range[]).map((r) => (
            <option key={r} value={r}>
              {RANGE_LABELS[r]}
            </option>
          ))}
        </Select>
        <div className="flex-1" />
        <label className="flex items-center gap-1.5 text-[12px] text-zinc-500">
          Sort
          <Select data-testid="runs-sort" value={filters.sort} onChange={(e) => onChange({ ...filters, sort: e.target.value as Sort })} className="!w-28">
            <option value="newest">Newest</option>
            <option value="oldest">Oldest</option>
            <option value="longest">Longest</option>
          </Select>
        </label>
      </div>
      <div className="flex flex-wrap items-center gap-1.5" role="group" aria-label="States">
        {CHIPS.map((state) => {
          const on = filters.states.includes(state);
          return (
            <button
              key={state}
              type="button"
              aria-pressed={on}
              data-testid={`runs-filter-state-${state}`}
              onClick={() => toggle(state)}
              className="rounded-full border border-zinc-300 px-2.5 py-0.5 text-[11px] font-medium text-zinc-600 hover:bg-zinc-100 aria-pressed:border-accent-500 aria-pressed:bg-accent-50 aria-pressed:text-accent-700 dark:border-zinc-700 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:aria-pressed:border-accent-500 dark:aria-pressed:bg-accent-500/15 dark:aria-pressed:text-accent-100"
            >
              {state.charAt(0) + state.slice(1).toLowerCase()}
            </button>
          );
        })}
        {hasFilters(filters) && (
          <Button variant="ghost" icon={<X size={13} />} onClick={() => onChange({ ...NO_FILTERS, sort: filters.sort })} className="ml-1 h-6">
            Clear filters
          </Button>
        )}
      </div>
    </div>
  );
}
