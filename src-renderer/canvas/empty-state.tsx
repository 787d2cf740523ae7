import { Plus } from "lucide-react";

/** Shown over an empty graph; lets double-clicks through to the pane. */
export function EmptyState({ onAddTask }: { onAddTask: () => void }) {
  return (
    <div className="pointer-events-none absolute inset-0 z-10 flex items-center justify-center" data-testid="canvas-empty">
      <div className="flex flex-col items-center gap-3 rounded-xl border border-dashed border-zinc-300 bg-white/80 px-6 py-5 text-center backdrop-blur dark:border-zinc-700 dark:bg-zinc-900/80">
        <p className="text-sm text-zinc-600 dark:text-zinc-300">Drag a task from the palette, or double-click the canvas to add one</p>
        <button
          type="button"
          onClick={onAddTask}
          className="pointer-events-auto flex items-center gap-1.5 rounded-md bg-accent-600 px-3 py-1.5 text-[13px] font-medium text-white hover:bg-accent-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500"
          data-testid="canvas-add-task"
        >
          <Plus className="size-4" aria-hidden />
          Add a blank task
        </button>
      </div>
    </div>
  );
}
