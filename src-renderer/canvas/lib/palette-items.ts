/** What the palette lists, grouped, and how search narrows it. */
import { TEMPLATE_IDS } from "../../../shared/graph/model.ts";
import { TEMPLATES } from "../../../shared/graph/templates.ts";
import type { PaletteItem } from "../../editor/store/types.ts";

export const PALETTE_DRAG_TYPE = "application/x-flowbench-palette";

export type PaletteGroup = "Basics" | "Templates" | "Flow" | "Subflows";
export const PALETTE_GROUPS: readonly PaletteGroup[] = ["Basics", "Templates", "Flow", "Subflows"];

export interface PaletteEntry {
  key: string;
  group: PaletteGroup;
  label: string;
  description: string;
  item: PaletteItem;
}

const BASE: readonly PaletteEntry[] = [
  { key: "task", group: "Basics", label: "Task", description: "A TypeScript function, run as a task", item: { kind: "task" } },
  { key: "map", group: "Basics", label: "Map", description: "Runs its body once per item of a list", item: { kind: "map" } },
  { key: "branch", group: "Basics", label: "Branch", description: "Returns a boolean; picks the then or else path", item: { kind: "branch" } },
  ...TEMPLATE_IDS.map(
    (id): PaletteEntry => ({ key: `template-${id}`, group: "Templates", label: TEMPLATES[id].title, description: TEMPLATES[id].description, item: { kind: "template", template: id } }),
  ),
  { key: "input", group: "Flow", label: "Parameter", description: "A parameter of the flow", item: { kind: "input" } },
  { key: "output", group: "Flow", label: "Output", description: "What the flow returns", item: { kind: "output" } },
];

export interface SavedFlow {
  id: string;
  name: string;
  description?: string | null;
}

/** A flow id as a path relative to the current flow's file: "reports/weekly" from "etl/orders" is "../reports/weekly". */
export function relativeFlowPath(from: string | null, to: string): string {
  const fromDir = from ? from.split("/").slice(0, -1) : [];
  const target = to.split("/");
  let common = 0;
  while (common < fromDir.length && common < target.length - 1 && fromDir[common] === target[common]) common++;
  return [...fromDir.slice(common).map(() => ".."), ...target.slice(common)].join("/");
}

export function paletteEntries(flows: readonly SavedFlow[], currentFlowId: string | null): PaletteEntry[] {
  const subflows = flows
    .filter((f) => f.id !== currentFlowId)
    .map(
      (f): PaletteEntry => ({
        key: `subflow-${f.id}`,
        group: "Subflows",
        label: f.name,
        description: f.description ?? f.id,
        item: { kind: "subflow", flow: relativeFlowPath(currentFlowId, f.id), title: f.name },
      }),
    );
  return [...BASE, ...subflows];
}

/** Every word of the query must appear in the label, description, group or key. */
export function filterPalette(entries: readonly PaletteEntry[], query: string): PaletteEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  return entries.filter((e) => {
    const hay = `${e.label} ${e.description} ${e.group} ${e.key}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

const ITEM_KINDS: ReadonlySet<string> = new Set(["task", "template", "map", "branch", "subflow", "input", "output"] satisfies PaletteItem["kind"][]);

/** Parses drag data from the palette; anything else (another app's drop) is ignored. */
export function readPaletteDrag(text: string): PaletteItem | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!value || typeof value !== "object") return null;
  const v = value as Record<string, unknown>;
  if (typeof v.kind !== "string" || !ITEM_KINDS.has(v.kind)) return null;
  if (v.kind === "template" && !(TEMPLATE_IDS as readonly unknown[]).includes(v.template)) return null;
  if (v.kind === "subflow" && typeof v.flow !== "string") return null;
  return value as PaletteItem;
}
