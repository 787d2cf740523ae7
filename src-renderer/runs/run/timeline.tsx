/**
 * The Gantt: one row per task run, bars from start to end coloured by state.
 * One canvas draws only the rows in view, so 10,000 task runs cost what 40 do.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { isTerminal } from "../../../shared/sdk/states.ts";
import { clockTime, formatDuration, runDuration } from "../lib/duration.ts";
import { timelineSpan, timeScale } from "../lib/timeline.ts";
import { useNow } from "../lib/use-now.ts";
import { STATE_HEX } from "./state-colours.ts";
import type { TaskRun } from "./use-run.ts";

const ROW = 22;
const AXIS = 26;
const LABEL = 200;
const PAD = 16;

interface Props {
  taskRuns: TaskRun[];
  selected: string | null;
  onSelect: (id: string | null) => void;
}

export function Timeline({ taskRuns, selected, onSelect }: Props) {
  const rows = useMemo(() => [...taskRuns].sort((a, b) => (a.startTime ?? Infinity) - (b.startTime ?? Infinity) || a.createdAt - b.createdAt), [taskRuns]);
  const live = useMemo(() => taskRuns.some((t) => !isTerminal(t.stateType) && t.startTime !== null), [taskRuns]);
  const now = useNow(live);
  const span = useMemo(() => timelineSpan(rows, now), [rows, now]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const [scrollTop, setScrollTop] = useState(0);
  const [hover, setHover] = useState<{ index: number; x: number; y: number } | null>(null);
  const [dark, setDark] = useState(() => document.documentElement.classList.contains("dark"));

  useEffect(() => {
    const el = scrollRef.current!;
    const resize = new ResizeObserver(() => setSize({ width: el.clientWidth, height: el.clientHeight }));
    resize.observe(el);
    const theme = new MutationObserver(() => setDark(document.documentElement.classList.contains("dark")));
    theme.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
    return () => {
      resize.disconnect();
      theme.disconnect();
    };
  }, []);

  const scale = useMemo(() => (span ? timeScale(span.start, span.end, Math.max(50, size.width - LABEL - PAD * 2)) : null), [span, size.width]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || size.width === 0) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = size.width * dpr;
    canvas.height = size.height * dpr;
    const ctx = canvas.getContext("2d")!;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, size.width, size.height);
    const ink = dark ? "#d4d4d8" : "#3f3f46";
    const faint = dark ? "#27272a" : "#f4f4f5";
    const grid = dark ? "#3f3f46" : "#e4e4e7";
    ctx.font = "12px ui-sans-serif, system-ui, sans-serif";
    ctx.textBaseline = "middle";
    const first = Math.max(0, Math.floor(scrollTop / ROW));
    const last = Math.min(rows.length, Math.ceil((scrollTop + size.height - AXIS) / ROW) + 1);
    const x0 = LABEL + PAD;
    for (let i = first; i < last; i++) {
      const t = rows[i]!;
      const y = AXIS + i * ROW - scrollTop;
      if (t.id === selected || i === hover?.index) {
        ctx.fillStyle = t.id === selected ? (dark ? "#312e81" : "#e0e7ff") : faint;
        ctx.fillRect(0, y, size.width, ROW);
      }
      ctx.fillStyle = ink;
      ctx.fillText(clip(ctx, t.name, LABEL - 12), 8, y + ROW / 2);
      if (!scale || t.startTime === null) continue;
      const bx = x0 + scale.x(t.startTime);
      const bw = Math.max(4, scale.x(t.endTime ?? now) - scale.x(t.startTime));
      ctx.fillStyle = STATE_HEX[t.stateType];
      ctx.fillRect(bx, y + 5, bw, ROW - 10);
    }
    // The axis stays on top of the rows scrolled under it.
    ctx.fillStyle = dark ? "#18181b" : "#ffffff";
    ctx.fillRect(0, 0, size.width, AXIS);
    ctx.strokeStyle = grid;
    ctx.beginPath();
    ctx.moveTo(0, AXIS - 0.5);
    ctx.lineTo(size.width, AXIS - 0.5);
    ctx.moveTo(LABEL + 0.5, 0);
    ctx.lineTo(LABEL + 0.5, size.height);
    ctx.stroke();
    if (scale) {
      ctx.fillStyle = dark ? "#a1a1aa" : "#71717a";
      ctx.font = "11px ui-sans-serif, system-ui, sans-serif";
      for (const tick of scale.ticks) {
        const x = Math.round(x0 + tick.x) + 0.5;
        ctx.fillText(tick.label, x + 3, AXIS / 2);
        ctx.strokeStyle = grid;
        ctx.beginPath();
        ctx.moveTo(x, 4);
        ctx.lineTo(x, size.height);
        ctx.globalAlpha = 0.5;
        ctx.stroke();
        ctx.globalAlpha = 1;
      }
    }
  }, [rows, scale, size, scrollTop, hover?.index, selected, dark, now]);

  const rowAt = (clientY: number) => {
    const rect = scrollRef.current!.getBoundingClientRect();
    const y = clientY - rect.top - AXIS + scrollTop;
    const index = Math.floor(y / ROW);
    return y >= 0 && index < rows.length ? index : -1;
  };
  const hovered = hover ? rows[hover.index] : undefined;

  return (
    <div className="relative h-full w-full bg-white dark:bg-zinc-900" data-testid="run-timeline" data-rows={rows.length}>
      <canvas ref={canvasRef} className="pointer-events-none absolute inset-0" style={{ width: size.width, height: size.height }} />
      <div
        ref={scrollRef}
        className="absolute inset-0 overflow-auto"
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        onMouseMove={(e) => {
          const index = rowAt(e.clientY);
          const rect = e.currentTarget.getBoundingClientRect();
          setHover(index < 0 ? null : { index, x: e.clientX - rect.left, y: e.clientY - rect.top });
        }}
        onMouseLeave={() => setHover(null)}
        onClick={(e) => {
          const index = rowAt(e.clientY);
          if (index >= 0) onSelect(rows[index]!.id === selected ? null : rows[index]!.id);
        }}
      >
        <div style={{ height: AXIS + rows.length * ROW }} />
      </div>
      {rows.length === 0 && <p className="absolute top-10 left-6 text-zinc-500">No task runs yet.</p>}
      {hovered && hover && (
        <div
          className="pointer-events-none absolute z-10 rounded-md border border-zinc-200 bg-white px-2.5 py-1.5 text-[12px] shadow-lg dark:border-zinc-700 dark:bg-zinc-800"
          style={{ left: Math.min(hover.x + 14, size.width - 260), top: hover.y + 14 }}
        >
          <div className="font-medium">{hovered.name}</div>
          <div style={{ color: STATE_HEX[hovered.stateType] }}>{hovered.stateName}</div>
          <div className="text-zinc-500 tabular-nums">
            {hovered.startTime ? clockTime(hovered.startTime) : "not started"}
            {hovered.endTime ? ` → ${clockTime(hovered.endTime)}` : ""}
            {hovered.startTime ? ` · ${formatDuration(runDuration(hovered, now))}` : ""}
          </div>
        </div>
      )}
    </div>
  );
}

function clip(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ctx.measureText(`${text.slice(0, mid)}…`).width <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo)}…`;
}
