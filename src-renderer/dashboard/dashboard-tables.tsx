/** The dashboard's lists: the slowest flows and the newest failures, each failure linking to its run. */
import { ArrowRight } from "lucide-react";
import { hrefFor } from "../app/route.ts";
import { StateBadge } from "../ui/state-badge.tsx";
import { relativeTime } from "../ui/time.ts";
import { formatDuration } from "./format.ts";
import type { RunStats } from "./stacked-bars.ts";

const PANEL = "rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900";
const HEAD = "flex items-center border-b border-zinc-200 px-4 py-2.5 text-sm font-medium text-zinc-900 dark:border-zinc-800 dark:text-zinc-100";

export function SlowestFlows({ flows }: { flows: RunStats["slowestFlows"] }) {
  return (
    <section className={PANEL} data-testid="slowest-flows">
      <h2 className={HEAD}>Slowest flows</h2>
      {flows.length === 0 ? (
        <p className="px-4 py-6 text-sm text-zinc-500">No finished runs in this range.</p>
      ) : (
        <table className="w-full text-sm">
          <thead className="text-left text-xs text-zinc-500 dark:text-zinc-400">
            <tr>
              <th className="w-full px-4 py-2 font-medium">Flow</th>
              <th className="px-2 py-2 text-right font-medium">Runs</th>
              <th className="px-2 py-2 text-right font-medium">Average</th>
              <th className="px-2 py-2 text-right font-medium">p95</th>
              <th className="px-4 py-2 text-right font-medium">Max</th>
            </tr>
          </thead>
          <tbody className="whitespace-nowrap tabular-nums text-zinc-700 dark:text-zinc-300">
            {flows.map((f) => (
              <tr key={f.flowName} className="border-t border-zinc-100 dark:border-zinc-800">
                <td className="max-w-0 truncate px-4 py-2 font-medium text-zinc-900 dark:text-zinc-100">
                  <a href={hrefFor({ page: "runs", query: `flow=${encodeURIComponent(f.flowName)}` })} className="hover:underline">
                    {f.flowName}
                  </a>
                </td>
                <td className="px-2 py-2 text-right">{f.runs.toLocaleString()}</td>
                <td className="px-2 py-2 text-right">{formatDuration(f.avgMs)}</td>
                <td className="px-2 py-2 text-right">{formatDuration(f.p95Ms)}</td>
                <td className="px-4 py-2 text-right">{formatDuration(f.maxMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function RecentFailures({ failures }: { failures: RunStats["recentFailures"] }) {
  return (
    <section className={PANEL} data-testid="recent-failures">
      <h2 className={HEAD}>
        Recent failures
        <span className="flex-1" />
        <a href={hrefFor({ page: "runs", query: "state=FAILED" })} className="flex items-center gap-1 text-xs font-normal text-zinc-500 hover:text-zinc-900 dark:hover:text-zinc-100">
          All failed runs <ArrowRight className="size-3" aria-hidden />
        </a>
      </h2>
      {failures.length === 0 ? (
        <p className="px-4 py-6 text-sm text-zinc-500">No failures in this range.</p>
      ) : (
        <ul>
          {failures.map((f) => (
            <li key={f.runId} className="border-t border-zinc-100 first:border-t-0 dark:border-zinc-800">
              <a href={hrefFor({ page: "run", runId: f.runId })} data-testid="recent-failure" className="block px-4 py-2 hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
                <div className="flex items-center gap-2 text-sm">
                  <StateBadge type={f.stateType} name={f.stateType === "CRASHED" ? "Crashed" : "Failed"} />
                  <span className="truncate font-medium text-zinc-900 dark:text-zinc-100">{f.flowName}</span>
                  <span className="truncate text-zinc-500">{f.name}</span>
                  <span className="flex-1" />
                  {f.endTime !== null && <span className="shrink-0 text-xs text-zinc-500">{relativeTime(f.endTime)}</span>}
                </div>
                {f.message && <p className="mt-0.5 truncate font-mono text-xs text-red-700 dark:text-red-300" title={f.message}>{f.message}</p>}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
