/**
 * `export const serveOptions: ServeOptions = { schedules: [...], policy: {...} };`,
 * which the file passes to runFromCommandLine so `node flow.ts --serve` runs
 * the flow on its schedules. Written the way a person would: one schedule a line.
 */
import type { FlowGraph } from "../model.ts";
import { printKey, printValue } from "../print.ts";
import type { Output } from "./output.ts";

export type GraphServe = NonNullable<FlowGraph["serve"]>;

const MAX_LINE = 120;

/** The order schedule fields are written in: what, then when, then how. The parser reads any order. */
export const SCHEDULE_KEYS = ["name", "active", "cron", "every", "at", "timezone", "anchor", "params", "catchUp", "maxCatchUp"] as const;
export const POLICY_KEYS = ["overlap", "maxConcurrentRuns"] as const;

/** `serveOptions`, or `serveOptions2`... when a task, subflow, the flow or the header already has that name. */
export function serveVariable(taken: ReadonlySet<string>): string {
  let name = "serveOptions";
  for (let k = 2; taken.has(name); k++) name = `serveOptions${k}`;
  return name;
}

export function writeServeOptions(out: Output, serve: GraphServe, variable: string): void {
  const lines = [`export const ${variable}: ServeOptions = {`];
  if (serve.schedules.length === 0) lines.push("  schedules: [],");
  else lines.push("  schedules: [", ...serve.schedules.map((s) => scheduleLines(s as Record<string, unknown>)), "  ],");
  if (serve.policy) lines.push(`  policy: ${objectText(serve.policy as Record<string, unknown>, POLICY_KEYS)},`);
  lines.push("};");
  out.span(null, "flow", out.add(lines.join("\n")));
}

/** One line per schedule unless it would pass 120 columns; then a line per field. */
function scheduleLines(spec: Record<string, unknown>): string {
  const line = `    ${objectText(spec, SCHEDULE_KEYS)},`;
  if (line.length <= MAX_LINE) return line;
  const fields = entries(spec, SCHEDULE_KEYS).map(([k, v]) => `      ${printKey(k)}: ${printValue(v)},`);
  return ["    {", ...fields, "    },"].join("\n");
}

function objectText(value: Record<string, unknown>, order: readonly string[]): string {
  const fields = entries(value, order).map(([k, v]) => `${printKey(k)}: ${printValue(v)}`);
  return fields.length ? `{ ${fields.join(", ")} }` : "{}";
}

function entries(value: Record<string, unknown>, order: readonly string[]): [string, unknown][] {
  return order.filter((k) => value[k] !== undefined).map((k) => [k, value[k]]);
}
