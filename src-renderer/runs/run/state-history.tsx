/** The flow run's own states, oldest first, with how long after the first each came. */
import { StateBadge } from "../../ui/state-badge.tsx";
import { formatDuration } from "../lib/duration.ts";
import { ErrorBlock } from "./json-block.tsx";
import type { RunDetail } from "./use-run.ts";

export function StateHistory({ runId, states }: { runId: string; states: RunDetail["states"] }) {
  const own = states.filter((s) => s.runKind === "flow" && s.runId === runId).sort((a, b) => a.timestamp - b.timestamp);
  const first = own[0]?.timestamp ?? 0;
  return (
    <div className="h-full overflow-auto p-4" data-testid="state-history">
      {own.length === 0 && <p className="text-zinc-500">No states recorded yet.</p>}
      <ol className="flex max-w-3xl flex-col gap-2">
        {own.map((s, i) => (
          <li key={i} className="grid grid-cols-[170px_70px_1fr] items-start gap-3">
            <span className="text-zinc-500 tabular-nums" title={new Date(s.timestamp).toISOString()}>
              {new Date(s.timestamp).toLocaleString(undefined, { hour12: false })}
            </span>
            <span className="text-right text-[12px] text-zinc-400 tabular-nums">{i === 0 ? "" : `+${formatDuration(s.timestamp - first)}`}</span>
            <div className="flex flex-col gap-1">
              <div>
                <StateBadge type={s.type} name={s.name} />
                {s.message && <span className="ml-2 text-zinc-700 dark:text-zinc-300">{s.message}</span>}
              </div>
              {s.error && <ErrorBlock error={s.error} />}
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
