/** A run-graph node: what ran, how it ended, how long it took, and which attempt. */
import { Handle, Position, type Node, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import type { StateType } from "../../../shared/sdk/states.ts";
import { LiveDuration } from "../list/runs-table.tsx";
import { STATE_HEX } from "./state-colours.ts";

export type RunNodeData = {
  label: string;
  kind: "task" | "subflow";
  stateType: StateType;
  stateName: string;
  startTime: number | null;
  endTime: number | null;
  runCount: number;
  maxRetries: number;
};
export type RunNode = Node<RunNodeData, "run">;

export const RunGraphNode = memo(function RunGraphNode({ id, data, selected }: NodeProps<RunNode>) {
  const colour = STATE_HEX[data.stateType];
  const retried = data.runCount > 1;
  return (
    <div
      data-testid={`run-graph-node-${id}`}
      data-state={data.stateType}
      className={`flex h-14 w-[200px] flex-col justify-center rounded-md border bg-white px-2.5 text-[12px] shadow-sm dark:bg-zinc-900 ${selected ? "border-accent-500 ring-2 ring-accent-500/30" : "border-zinc-300 dark:border-zinc-700"}`}
      style={{ borderLeft: `4px solid ${colour}` }}
    >
      <Handle type="target" position={Position.Left} className="!h-1 !w-1 !min-w-0 !border-0 !bg-zinc-400" isConnectable={false} />
      <div className="flex items-center gap-1.5">
        <span className="truncate font-medium text-zinc-900 dark:text-zinc-100" title={data.label}>
          {data.kind === "subflow" ? "↳ " : ""}
          {data.label}
        </span>
      </div>
      <div className="flex items-center gap-2 text-[11px] text-zinc-500">
        <span style={{ color: colour }} className="font-medium">
          {data.stateName}
        </span>
        <span className="tabular-nums">
          <LiveDuration run={data} />
        </span>
        {retried && (
          <span className="ml-auto rounded bg-amber-100 px-1 font-medium text-amber-800 dark:bg-amber-500/15 dark:text-amber-300" title="Attempt / allowed attempts">
            {data.runCount}/{data.maxRetries + 1}
          </span>
        )}
      </div>
      <Handle type="source" position={Position.Right} className="!h-1 !w-1 !min-w-0 !border-0 !bg-zinc-400" isConnectable={false} />
    </div>
  );
});
