import { styleText } from "node:util";
import type { LineStyle } from "../../shared/sdk/console.ts";

type Color = Parameters<typeof styleText>[0];

export const LEVEL_COLORS: Record<string, Color> = { debug: "gray", info: "cyan", warning: "yellow", error: "red" };
/** One palette for every terminal view: the SDK's live lines and the CLI's tables. */
export const STATE_COLORS: Record<string, Color> = {
  COMPLETED: "green",
  FAILED: "red",
  CRASHED: "magenta",
  CANCELLED: "gray",
  CANCELLING: "gray",
  RUNNING: "blue",
  SCHEDULED: "yellow",
  PENDING: "gray",
  PAUSED: "yellow",
};

/** Colours only for a terminal that wants them (NO_COLOR and FORCE_COLOR are honoured by styleText). */
export function terminalStyle(stream: NodeJS.WriteStream = process.stdout): LineStyle {
  const paint = (color: Color | undefined, text: string): string => (color ? styleText(color, text, { stream }) : text);
  return {
    level: (name, text) => paint(LEVEL_COLORS[name], text),
    state: (type, text) => paint(STATE_COLORS[type], text),
    dim: (text) => paint("dim", text),
  };
}
