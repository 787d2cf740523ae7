/**
 * Canvas-only data (ids, positions, titles code cannot carry, template icons)
 * lives in one comment block at the end of the file, a line per node, so
 * moving a node changes one line of the diff.
 */
import { TEMPLATE_IDS, type TemplateId } from "./model.ts";

export const CANVAS_MARKER = "// flowbench:canvas";

export interface CanvasEntry {
  /** How code names the node: its identifier, `params.<name>` for a parameter, `return` for the output. */
  ref: string;
  id: string;
  x: number;
  y: number;
  title?: string;
  template?: TemplateId;
}

export function formatCanvas(entries: readonly CanvasEntry[]): string {
  const lines = entries.map((e) => {
    const ordered: Record<string, unknown> = { ref: e.ref, id: e.id, x: e.x, y: e.y };
    if (e.title !== undefined) ordered.title = e.title;
    if (e.template !== undefined) ordered.template = e.template;
    // JSON leaves U+2028 and U+2029 raw, but they end a `//` comment: escape them so an id or title holding one stays on its line.
    return `// ${JSON.stringify(ordered).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`)}`;
  });
  return [CANVAS_MARKER, ...lines].join("\n");
}

export interface CanvasBlock {
  entries: Map<string, CanvasEntry>;
  /** Where the block starts in the text, or -1. */
  start: number;
  /** 1-based lines that were not understood. */
  badLines: number[];
}

/** Reads the block from the trailing comments after `from` (the end of the last statement). */
export function readCanvas(text: string, from: number): CanvasBlock {
  const entries = new Map<string, CanvasEntry>();
  const badLines: number[] = [];
  const start = text.indexOf(CANVAS_MARKER, from);
  if (start < 0) return { entries, start, badLines };
  let line = text.slice(0, start).split("\n").length;
  for (const raw of text.slice(start).split("\n").slice(1)) {
    line++;
    const trimmed = raw.trim();
    if (trimmed === "") continue;
    const entry = trimmed.startsWith("// {") ? parseEntry(trimmed.slice(3)) : undefined;
    if (entry && !entries.has(entry.ref)) entries.set(entry.ref, entry);
    else badLines.push(line);
  }
  return { entries, start, badLines };
}

function parseEntry(json: string): CanvasEntry | undefined {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (!value || typeof value !== "object") return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.ref !== "string" || typeof v.id !== "string" || v.id === "" || !isNumber(v.x) || !isNumber(v.y)) return undefined;
  const entry: CanvasEntry = { ref: v.ref, id: v.id, x: v.x, y: v.y };
  if (typeof v.title === "string") entry.title = v.title;
  if (typeof v.template === "string" && (TEMPLATE_IDS as readonly string[]).includes(v.template)) entry.template = v.template as TemplateId;
  return entry;
}

function isNumber(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v);
}
