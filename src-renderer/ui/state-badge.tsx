import type { StateType } from "../../shared/sdk/states.ts";

const COLOURS: Record<string, string> = {
  COMPLETED: "bg-emerald-100 text-emerald-800 dark:bg-emerald-500/15 dark:text-emerald-300",
  FAILED: "bg-red-100 text-red-800 dark:bg-red-500/15 dark:text-red-300",
  CRASHED: "bg-orange-100 text-orange-800 dark:bg-orange-500/15 dark:text-orange-300",
  RUNNING: "bg-sky-100 text-sky-800 dark:bg-sky-500/15 dark:text-sky-300",
  CANCELLED: "bg-zinc-200 text-zinc-700 dark:bg-zinc-700/40 dark:text-zinc-300",
  CANCELLING: "bg-zinc-200 text-zinc-700 dark:bg-zinc-700/40 dark:text-zinc-300",
  PENDING: "bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400",
  SCHEDULED: "bg-violet-100 text-violet-800 dark:bg-violet-500/15 dark:text-violet-300",
  PAUSED: "bg-amber-100 text-amber-800 dark:bg-amber-500/15 dark:text-amber-300",
};

export function StateBadge({ type, name }: { type: StateType; name: string }) {
  return <span className={`inline-flex rounded px-1.5 py-0.5 text-[11px] font-medium ${COLOURS[type] ?? COLOURS.PENDING}`}>{name}</span>;
}
