/** One labelled handle per row, so each input sits beside its name and type. */
import { Handle, Position } from "@xyflow/react";
import { Plus } from "lucide-react";
import type { Port } from "../../../../shared/graph/model.ts";
import { NEW_INPUT_HANDLE } from "../../lib/ports.ts";
import { useRowDetail } from "./detail.tsx";

/**
 * Handles are centred on the node's edge by margins (half their 10 px) instead of xyflow's
 * `translate(-50%, -50%)`: a transform per handle splits the canvas's paint into thousands of
 * chunks with 1,000 nodes, and Chromium re-layerises all of them on every pan frame.
 */
export const LEFT_HANDLE = "!transform-none !-mt-[5px] !-ml-[5px]";
const RIGHT_HANDLE = "!transform-none !-mt-[5px] !-mr-[5px]";
const HANDLE = "!h-2.5 !w-2.5 !border-2 !border-white !bg-zinc-400 dark:!border-zinc-900 dark:!bg-zinc-500";
/**
 * Zoomed out, rows keep their height and their handle (same element, same box, so wires still
 * land where xyflow measured them) but draw nothing: no label, and the handle is not painted.
 */
export const HIDDEN_HANDLE = "invisible";

export function InputRow({ port, note }: { port: Port; note?: string }) {
  const full = useRowDetail() === "full";
  return (
    <div className="relative flex h-6 items-center pl-3 pr-2 text-[11px]" data-testid={`input-${port.name}`}>
      <Handle type="target" position={Position.Left} id={port.name} className={`${HANDLE} ${LEFT_HANDLE} ${full ? "" : HIDDEN_HANDLE}`} />
      {full ? (
        <span className="truncate font-mono text-zinc-700 dark:text-zinc-300">
          {port.name}
          {port.optional ? "?" : ""}
          {port.type ? <span className="text-zinc-400 dark:text-zinc-500">: {port.type}</span> : null}
        </span>
      ) : null}
      {full && note ? <span className="ml-auto shrink-0 rounded bg-zinc-100 px-1 text-[9px] uppercase text-zinc-500 dark:bg-zinc-800">{note}</span> : null}
    </div>
  );
}

/** Dropping a wire here adds a new named input (output and subflow nodes). */
export function NewInputRow({ label }: { label: string }) {
  const full = useRowDetail() === "full";
  return (
    <div className="relative flex h-6 items-center pl-3 pr-2 text-[11px] text-zinc-400 dark:text-zinc-500">
      <Handle type="target" position={Position.Left} id={NEW_INPUT_HANDLE} className={`${HANDLE} ${LEFT_HANDLE} !border-dashed !bg-transparent ${full ? "" : HIDDEN_HANDLE}`} />
      {full ? <Plus className="mr-1 size-3" aria-hidden /> : null}
      {full ? label : null}
    </div>
  );
}

export function OutputRow({ id, label, color }: { id: string; label: string; color?: string }) {
  const full = useRowDetail() === "full";
  return (
    <div className="relative flex h-6 items-center justify-end pl-2 pr-3 text-[11px]" data-testid={`output-${id}`}>
      {full ? (
        <span className="truncate font-mono text-zinc-500 dark:text-zinc-400" style={color ? { color } : undefined}>
          {label}
        </span>
      ) : null}
      <Handle type="source" position={Position.Right} id={id} className={`${HANDLE} ${RIGHT_HANDLE} ${full ? "" : HIDDEN_HANDLE}`} style={color ? { background: color } : undefined} />
    </div>
  );
}
