import { useEffect, useRef } from "react";
import type { PaletteItem } from "../editor/store/types.ts";
import { Palette } from "./palette/palette.tsx";

export interface QuickAddAt {
  /** Where the popover sits, relative to the canvas wrapper. */
  left: number;
  top: number;
  /** Where the node goes, in flow coordinates. */
  flow: { x: number; y: number };
}

/** The palette as a popover where the user double-clicked; Escape or a click elsewhere closes it. */
export function QuickAdd({ at, onPick, onClose }: { at: QuickAddAt; onPick: (item: PaletteItem) => void; onClose: () => void }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onDown = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) onClose();
    };
    window.addEventListener("pointerdown", onDown, true);
    return () => window.removeEventListener("pointerdown", onDown, true);
  }, [onClose]);
  return (
    <div
      ref={box}
      role="dialog"
      aria-label="Add a node"
      data-testid="quick-add"
      onKeyDown={(e) => e.key === "Escape" && (e.stopPropagation(), onClose())}
      className="absolute z-20 flex max-h-96 w-72 flex-col overflow-hidden rounded-lg border border-zinc-200 bg-white shadow-xl dark:border-zinc-700 dark:bg-zinc-900"
      style={{ left: at.left, top: at.top }}
    >
      <Palette autoFocus onPick={onPick} className="min-h-0 flex-1" />
    </div>
  );
}
