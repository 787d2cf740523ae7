/**
 * The window's size and place, remembered across launches in a small JSON file
 * under Electron's userData. A missing, broken or off-screen record falls back
 * to a centred default rather than opening a window nobody can see.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { z } from "zod";

const stateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(200).max(100_000),
  height: z.number().int().min(200).max(100_000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof stateSchema>;

export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 800, maximized: false };

export function parseWindowState(text: string | null): WindowState {
  if (text === null) return DEFAULT_WINDOW_STATE;
  try {
    const parsed = stateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : DEFAULT_WINDOW_STATE;
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
}

/**
 * Keeps a saved position only if a 100 × 50 px piece of the window's top (where
 * the title bar is) lies on some display now: screens get unplugged. The size is
 * capped to the largest display.
 */
export function fitToDisplays(state: WindowState, workAreas: readonly Area[]): WindowState {
  if (workAreas.length === 0) return state;
  const width = Math.min(state.width, Math.max(...workAreas.map((a) => a.width)));
  const height = Math.min(state.height, Math.max(...workAreas.map((a) => a.height)));
  const { x, y, maximized } = state;
  if (x === undefined || y === undefined) return { width, height, maximized };
  const grip = { x: x + Math.max(0, width / 2 - 50), y, width: Math.min(100, width), height: 50 };
  const visible = workAreas.some((a) => grip.x >= a.x && grip.y >= a.y && grip.x + grip.width <= a.x + a.width && grip.y + grip.height <= a.y + a.height);
  return visible ? { x, y, width, height, maximized } : { width, height, maximized };
}

export function loadWindowState(file: string): WindowState {
  try {
    return parseWindowState(readFileSync(file, "utf8"));
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
}

/** Written to a temporary file and renamed, so a crash mid-write leaves the old record, not half a file. */
export function saveWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(state)}\n`);
  renameSync(temporary, file);
}
