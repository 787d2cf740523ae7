import { CircleAlert } from "lucide-react";
import { Tooltip } from "radix-ui";
import { useNodeDiagnostics } from "./use-graph-node.ts";

/** Error count on the node; the first message on hover. Needs a Tooltip.Provider above (the canvas has one). */
export function ErrorBadge({ id }: { id: string }) {
  const diagnostics = useNodeDiagnostics(id);
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length === 0) return null;
  const first = errors[0]!;
  return (
    <Tooltip.Root>
      <Tooltip.Trigger asChild>
        <span
          className="flex items-center gap-0.5 rounded-full bg-red-600 px-1.5 py-0.5 text-[10px] font-semibold text-white"
          data-testid={`node-errors-${id}`}
          aria-label={`${errors.length} error${errors.length === 1 ? "" : "s"}: ${first.message}`}
        >
          <CircleAlert className="size-3" aria-hidden />
          {errors.length}
        </span>
      </Tooltip.Trigger>
      <Tooltip.Portal>
        <Tooltip.Content side="top" sideOffset={6} className="z-50 max-w-xs rounded bg-zinc-900 px-2 py-1 text-xs text-white shadow-lg dark:bg-zinc-100 dark:text-zinc-900">
          {first.line ? `Line ${first.line}: ` : ""}
          {first.message}
          {errors.length > 1 ? ` (+${errors.length - 1} more)` : ""}
        </Tooltip.Content>
      </Tooltip.Portal>
    </Tooltip.Root>
  );
}
