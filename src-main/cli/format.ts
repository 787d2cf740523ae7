import { styleText } from "node:util";

type Color = Parameters<typeof styleText>[0];

export interface Out {
  color: boolean;
  paint(color: Color, text: string): string;
}

export function makeOut(json: boolean): Out {
  const color = !json && process.stdout.isTTY === true && !process.env.NO_COLOR;
  return { color, paint: (c, text) => (color ? styleText(c, text, { validateStream: false }) : text) };
}

export { STATE_COLORS as STATE_COLOR, LEVEL_COLORS } from "../sdk/terminal.ts";

export function duration(start: number | null, end: number | null, now = Date.now()): string {
  if (start === null) return "-";
  const ms = (end ?? now) - start;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.floor((ms % 60_000) / 1000);
  if (minutes < 60) return `${minutes}m ${String(seconds).padStart(2, "0")}s`;
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, "0")}m`;
}

export function timestamp(ms: number | null): string {
  if (ms === null) return "-";
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** A plain aligned table; colour codes are ignored when measuring widths. */
export function table(headers: string[], rows: string[][]): string {
  const visible = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, "").length;
  const widths = headers.map((h, i) => Math.max(visible(h), ...rows.map((r) => visible(r[i] ?? ""))));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c + " ".repeat(widths[i]! - visible(c)))).join("  ");
  return [line(headers), ...rows.map(line)].join("\n");
}

export function oneLine(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? flat.slice(0, max - 1) + "…" : flat;
}
