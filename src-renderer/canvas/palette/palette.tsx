/** Searchable node list: drag an item onto the canvas, or press Enter / double-click to add it at the centre. */
import { Search } from "lucide-react";
import { useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from "react";
import { useDocument } from "../../editor/store/context.tsx";
import type { PaletteItem } from "../../editor/store/types.ts";
import { KINDS, TEMPLATE_ICONS } from "../kinds/registry.ts";
import { filterPalette, PALETTE_DRAG_TYPE, PALETTE_GROUPS, paletteEntries, type PaletteEntry } from "../lib/palette-items.ts";
import { useAddNode } from "../use-add-node.ts";
import { useSavedFlows } from "./use-saved-flows.ts";

export interface PaletteProps {
  /** What choosing an item does; adds it at the viewport's centre by default. */
  onPick?: (item: PaletteItem) => void;
  autoFocus?: boolean;
  className?: string;
}

export function Palette({ onPick, autoFocus, className = "" }: PaletteProps) {
  const [query, setQuery] = useState("");
  const flowId = useDocument((s) => s.flowId);
  const { flows, error } = useSavedFlows();
  const addNode = useAddNode();
  const pick = onPick ?? ((item: PaletteItem) => void addNode(item));
  const entries = useMemo(() => paletteEntries(flows, flowId), [flows, flowId]);
  const shown = useMemo(() => filterPalette(entries, query), [entries, query]);
  const list = useRef<HTMLDivElement>(null);

  const focusItem = (from: Element | null, step: 1 | -1) => {
    const items = Array.from(list.current?.querySelectorAll<HTMLElement>("[role=option]") ?? []);
    const at = from ? items.indexOf(from as HTMLElement) : -1;
    items[Math.max(0, Math.min(items.length - 1, at + step))]?.focus();
  };
  const onSearchKey = (e: KeyboardEvent) => {
    if (e.key === "Enter" && shown[0]) (e.preventDefault(), pick(shown[0].item));
    else if (e.key === "ArrowDown") (e.preventDefault(), focusItem(null, 1));
  };

  return (
    <div className={`flex min-h-0 flex-col ${className}`}>
      <label className="relative m-2 block">
        <Search className="pointer-events-none absolute left-2 top-1/2 size-3.5 -translate-y-1/2 text-zinc-400" aria-hidden />
        <input
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onSearchKey}
          autoFocus={autoFocus}
          placeholder="Search nodes"
          aria-label="Search nodes"
          data-testid="palette-search"
          className="w-full rounded-md border border-zinc-300 bg-white py-1.5 pl-7 pr-2 text-[13px] outline-none focus:border-accent-500 focus:ring-2 focus:ring-accent-500/30 dark:border-zinc-700 dark:bg-zinc-900"
        />
      </label>
      <div ref={list} role="listbox" aria-label="Nodes" className="min-h-0 flex-1 select-none overflow-y-auto px-2 pb-2">
        {shown.length === 0 && (
          <p className="px-2 py-4 text-center text-xs text-zinc-500" data-testid="palette-empty">
            No nodes match “{query}”.
          </p>
        )}
        {PALETTE_GROUPS.map((group) => {
          const items = shown.filter((e) => e.group === group);
          if (items.length === 0) return null;
          return (
            <div key={group} role="group" aria-label={group} className="mb-2">
              <div className="px-1 pb-1 pt-2 text-[10px] font-semibold uppercase tracking-wider text-zinc-400">{group}</div>
              {items.map((entry) => (
                <PaletteRow key={entry.key} entry={entry} onPick={pick} onArrow={focusItem} />
              ))}
            </div>
          );
        })}
        {error && !query && <p className="px-1 text-[11px] text-zinc-500">Saved flows could not be loaded: {error}</p>}
      </div>
    </div>
  );
}

function PaletteRow({ entry, onPick, onArrow }: { entry: PaletteEntry; onPick: (item: PaletteItem) => void; onArrow: (from: Element, step: 1 | -1) => void }) {
  const item = entry.item;
  const kind = item.kind === "template" ? KINDS.task : KINDS[item.kind];
  const Icon = item.kind === "template" ? TEMPLATE_ICONS[item.template] : kind.icon;
  const onDragStart = (e: DragEvent) => {
    e.dataTransfer.setData(PALETTE_DRAG_TYPE, JSON.stringify(item));
    e.dataTransfer.effectAllowed = "copy";
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Enter") (e.preventDefault(), onPick(item));
    else if (e.key === "ArrowDown" || e.key === "ArrowUp") (e.preventDefault(), onArrow(e.currentTarget, e.key === "ArrowDown" ? 1 : -1));
  };
  return (
    <div
      role="option"
      aria-selected={false}
      tabIndex={0}
      draggable
      onDragStart={onDragStart}
      onDoubleClick={() => onPick(item)}
      onKeyDown={onKeyDown}
      title={entry.description}
      data-testid={`palette-item-${entry.key}`}
      className="flex cursor-grab items-center gap-2 rounded-md px-1.5 py-1 outline-none hover:bg-zinc-100 focus-visible:bg-zinc-100 focus-visible:ring-2 focus-visible:ring-accent-500/40 active:cursor-grabbing dark:hover:bg-zinc-800 dark:focus-visible:bg-zinc-800"
    >
      <span className="flex size-6 shrink-0 items-center justify-center rounded-md text-white" style={{ background: kind.accent }}>
        <Icon className="size-3.5" aria-hidden />
      </span>
      <span className="min-w-0">
        <span className="block truncate text-[13px]">{entry.label}</span>
        <span className="block truncate text-[11px] text-zinc-500 dark:text-zinc-400">{entry.description}</span>
      </span>
    </div>
  );
}
