import { Code2, Copy, MoreHorizontal, Pencil, Trash2, Workflow } from "lucide-react";
import { DropdownMenu } from "radix-ui";
import type { FlowSummary } from "../../shared/api/contract.ts";
import { hrefFor } from "../app/route.ts";
import { StateBadge } from "../ui/state-badge.tsx";
import { relativeTime } from "../ui/time.ts";

export interface RowActions {
  rename(flow: FlowSummary): void;
  duplicate(flow: FlowSummary): void;
  remove(flow: FlowSummary): void;
}

const ITEM = "flex cursor-default items-center gap-2 rounded px-2 py-1.5 text-[13px] outline-none data-[highlighted]:bg-zinc-100 dark:data-[highlighted]:bg-zinc-800";

export function FlowRow({ flow, actions }: { flow: FlowSummary; actions: RowActions }) {
  return (
    <tr data-testid={`flow-row-${flow.id}`} className="group border-t border-zinc-200 hover:bg-zinc-50 dark:border-zinc-800 dark:hover:bg-zinc-900/60">
      <td className="py-2 pr-3 pl-4">
        <a href={hrefFor({ page: "editor", flowId: flow.id })} className="flex items-center gap-2 font-medium hover:text-accent-600">
          {flow.kind === "graph" ? <Workflow size={15} className="text-accent-500" /> : <Code2 size={15} className="text-zinc-500" />}
          <span>{flow.name}</span>
        </a>
        {flow.description ? <p className="mt-0.5 max-w-[52ch] truncate pl-6 text-zinc-500">{flow.description}</p> : null}
      </td>
      <td className="px-3 py-2 font-mono text-[12px] text-zinc-500">{flow.id}.ts</td>
      <td className="px-3 py-2">
        <span className="rounded bg-zinc-100 px-1.5 py-0.5 text-[11px] text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400" title={flow.kind === "code" ? "Opens as code: the canvas cannot show this file" : "Opens on the canvas"}>
          {flow.kind === "graph" ? "Graph" : "Code"}
        </span>
      </td>
      <td className="px-3 py-2">
        {flow.lastRun ? (
          <span className="flex items-center gap-2">
            <StateBadge type={flow.lastRun.stateType} name={flow.lastRun.stateName} />
            <span className="text-zinc-500">{flow.lastRun.startTime ? relativeTime(flow.lastRun.startTime) : ""}</span>
          </span>
        ) : (
          <span className="text-zinc-400">Never run</span>
        )}
      </td>
      <td className="px-3 py-2 text-zinc-500">{relativeTime(flow.updatedAt)}</td>
      <td className="py-2 pr-4 pl-3 text-right">
        <DropdownMenu.Root>
          <DropdownMenu.Trigger asChild>
            <button type="button" aria-label={`Actions for ${flow.name}`} className="rounded p-1 text-zinc-500 hover:bg-zinc-200 dark:hover:bg-zinc-800">
              <MoreHorizontal size={16} />
            </button>
          </DropdownMenu.Trigger>
          <DropdownMenu.Portal>
            <DropdownMenu.Content align="end" className="z-50 min-w-40 rounded-md border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-800 dark:bg-zinc-900">
              <DropdownMenu.Item className={ITEM} onSelect={() => actions.rename(flow)}>
                <Pencil size={14} /> Rename…
              </DropdownMenu.Item>
              <DropdownMenu.Item className={ITEM} onSelect={() => actions.duplicate(flow)}>
                <Copy size={14} /> Duplicate
              </DropdownMenu.Item>
              <DropdownMenu.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-800" />
              <DropdownMenu.Item className={`${ITEM} text-red-600 dark:text-red-400`} onSelect={() => actions.remove(flow)}>
                <Trash2 size={14} /> Delete…
              </DropdownMenu.Item>
            </DropdownMenu.Content>
          </DropdownMenu.Portal>
        </DropdownMenu.Root>
      </td>
    </tr>
  );
}
