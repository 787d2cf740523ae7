/** A rule's firing history: when, which run, what happened; failed firings in red. */
import { StateBadge } from "../ui/state-badge.tsx";
import { hrefFor } from "../app/route.ts";
import { relativeTime } from "../ui/time.ts";
import { useFirings } from "./use-automations.ts";

export function FiringsList({ automationId }: { automationId: string }) {
  const { firings, error } = useFirings(automationId);
  if (error) return <p role="alert" className="px-4 py-2 text-[12px] text-red-600 dark:text-red-400">Could not load the history: {error}</p>;
  if (!firings) return <p className="px-4 py-2 text-[12px] text-zinc-500">Loading…</p>;
  if (firings.length === 0) return <p className="px-4 py-2 text-[12px] text-zinc-500" data-testid="firings-empty">Not fired yet.</p>;
  return (
    <table className="w-full table-fixed text-[12px]" data-testid="firings">
      <thead className="text-left text-[11px] text-zinc-500">
        <tr>
          <th className="w-40 px-4 py-1 font-medium">Fired</th>
          <th className="w-[30%] px-2 py-1 font-medium">Run</th>
          <th className="w-24 px-2 py-1 font-medium">Status</th>
          <th className="px-2 py-1 font-medium">Detail</th>
        </tr>
      </thead>
      <tbody>
        {firings.map((f) => {
          const failed = f.status === "failed";
          return (
            <tr key={f.id} data-testid="firing" data-status={f.status} className={`border-t border-zinc-100 dark:border-zinc-800 ${failed ? "bg-red-50/60 dark:bg-red-500/5" : ""}`}>
              <td className="px-4 py-1.5 text-zinc-600 tabular-nums dark:text-zinc-400" title={new Date(f.firedAt).toLocaleString()}>
                {relativeTime(f.firedAt)}
              </td>
              <td className="truncate px-2 py-1.5">
                <a href={hrefFor({ page: "run", runId: f.runId })} className="hover:underline" data-testid="firing-run">
                  {f.flowName}
                </a>{" "}
                <StateBadge type={f.stateType} name={f.stateName} />
              </td>
              <td className={`px-2 py-1.5 font-medium ${failed ? "text-red-600 dark:text-red-400" : "text-emerald-700 dark:text-emerald-400"}`}>{failed ? "Failed" : "Done"}</td>
              <td className={`truncate px-2 py-1.5 ${failed ? "text-red-700 dark:text-red-300" : "text-zinc-600 dark:text-zinc-400"}`} title={f.detail}>
                {f.detail}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
