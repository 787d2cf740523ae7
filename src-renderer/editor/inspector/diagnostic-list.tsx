import { AlertCircle, AlertTriangle } from "lucide-react";
import { useDocument } from "../store/context.tsx";

const NONE: readonly never[] = [];

/** The node's problems in words, with where in its code they are. */
export function DiagnosticList({ nodeId }: { nodeId: string }) {
  const list = useDocument((s) => s.diagnostics[nodeId] ?? NONE);
  if (list.length === 0) return null;
  return (
    <ul className="flex flex-col gap-1 border-b border-zinc-200 bg-red-50/60 px-4 py-2 dark:border-zinc-800 dark:bg-red-500/5" data-testid="node-diagnostics">
      {list.map((d, i) => (
        <li key={i} className="flex gap-1.5 text-[12px]">
          {d.severity === "error" ? <AlertCircle size={13} className="mt-0.5 shrink-0 text-red-600" /> : <AlertTriangle size={13} className="mt-0.5 shrink-0 text-amber-600" />}
          <span>
            {d.line !== undefined ? <span className="mr-1 font-mono text-zinc-500">{`${d.line}:${d.column ?? 1}`}</span> : null}
            {d.message}
          </span>
        </li>
      ))}
    </ul>
  );
}
