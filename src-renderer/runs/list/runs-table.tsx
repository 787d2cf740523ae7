/** The runs table: only the rows in view are in the DOM; the next page loads near the end. */
import { forwardRef, memo, type HTMLAttributes } from "react";
import { TableVirtuoso, type TableComponents } from "react-virtuoso";
import { isTerminal } from "../../../shared/sdk/states.ts";
import { hrefFor, navigate } from "../../app/route.ts";
import { relativeTime } from "../../ui/time.ts";
import { formatDuration, runDuration } from "../lib/duration.ts";
import { oneLine } from "../lib/json-preview.ts";
import { useNow } from "../lib/use-now.ts";
import { RunStateBadge } from "./run-state-badge.tsx";
import type { FlowRun } from "./use-runs.ts";

const COLUMNS = ["State", "Run", "Flow", "Parameters", "Start", "Duration"];
const WIDTHS = ["w-28", "w-[22%]", "w-[16%]", "", "w-32", "w-24"];

export function LiveDuration({ run }: { run: Pick<FlowRun, "startTime" | "endTime" | "stateType"> }) {
  const now = useNow(run.endTime === null && run.startTime !== null && !isTerminal(run.stateType));
  return <>{formatDuration(runDuration(run, now))}</>;
}

const Row = memo(function Row({ run }: { run: FlowRun }) {
  const start = run.startTime ?? run.createdAt;
  const params = run.parameters === "{}" ? "" : oneLine(run.parameters, 160);
  return (
    <>
      <td className="px-4">
        <RunStateBadge run={run} />
      </td>
      <td className="truncate px-2 font-medium">
        <a href={hrefFor({ page: "run", runId: run.id })} className="hover:underline" onClick={(e) => e.stopPropagation()}>
          {run.name}
        </a>
      </td>
      <td className="truncate px-2 text-zinc-600 dark:text-zinc-400">{run.flowName}</td>
      <td className="truncate px-2 font-mono text-[11.5px] text-zinc-500" title={params.length > 60 ? oneLine(run.parameters, 2000) : undefined}>
        {params}
      </td>
      <td className="truncate px-2 text-zinc-600 dark:text-zinc-400" title={new Date(start).toLocaleString()}>
        {relativeTime(start)}
      </td>
      <td className="px-2 pr-4 text-right tabular-nums text-zinc-600 dark:text-zinc-400">
        <LiveDuration run={run} />
      </td>
    </>
  );
});

const components: TableComponents<FlowRun> = {
  Table: (props) => <table {...props} className="w-full table-fixed border-collapse text-[13px]" />,
  TableHead: forwardRef<HTMLTableSectionElement, HTMLAttributes<HTMLTableSectionElement>>(function Head(props, ref) {
    return <thead {...props} ref={ref} className="bg-zinc-50 dark:bg-zinc-950" />;
  }),
  TableRow: ({ item, ...props }) => (
    <tr
      {...props}
      data-testid={`run-row-${item.id}`}
      onClick={() => navigate({ page: "run", runId: item.id })}
      className="h-10 cursor-pointer border-b border-zinc-100 hover:bg-zinc-100/70 dark:border-zinc-800/70 dark:hover:bg-zinc-900"
    />
  ),
};

export function RunsTable({ runs, onEndReached, footer }: { runs: FlowRun[]; onEndReached: () => void; footer: string | null }) {
  return (
    <TableVirtuoso
      className="flex-1"
      data={runs}
      components={components}
      fixedItemHeight={40}
      increaseViewportBy={400}
      computeItemKey={(_, run) => run.id}
      endReached={onEndReached}
      fixedHeaderContent={() => (
        <tr className="h-8 border-b border-zinc-200 text-left text-[11px] font-medium tracking-wide text-zinc-500 uppercase dark:border-zinc-800">
          {COLUMNS.map((c, i) => (
            <th key={c} className={`${WIDTHS[i]} ${i === 0 ? "px-4" : "px-2"} ${c === "Duration" ? "pr-4 text-right" : ""} font-medium`}>
              {c}
            </th>
          ))}
        </tr>
      )}
      fixedFooterContent={footer ? () => (
        <tr>
          <td colSpan={6} className="py-2 text-center text-[12px] text-zinc-500">
            {footer}
          </td>
        </tr>
      ) : undefined}
      itemContent={(_, run) => <Row run={run} />}
    />
  );
}
