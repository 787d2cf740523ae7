import { STATE_TYPES, describeState, isStateType, type StateType } from "../../../shared/sdk/states.ts";
import type { FlowRunRecord, RunStore, TaskRunRecord } from "../../../shared/store/types.ts";
import { CliError } from "../errors.ts";
import { duration, makeOut, oneLine, STATE_COLOR, table, timestamp, type Out } from "../format.ts";

export interface RunsListOptions {
  flow?: string;
  state?: string;
  limit?: string;
  json?: boolean;
}

export function parseStates(text: string | undefined): StateType[] | undefined {
  if (text === undefined) return undefined;
  const states = text.split(",").map((s) => s.trim().toUpperCase());
  for (const s of states) if (!isStateType(s)) throw new CliError(`Unknown state '${s}': use one of ${STATE_TYPES.join(", ")}`, 2);
  return states as StateType[];
}

export function parseLimit(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new CliError(`--limit must be a whole number from 1 to 1000, not '${text}'`, 2);
  return n;
}

export async function runsList(store: RunStore, options: RunsListOptions): Promise<void> {
  const states = parseStates(options.state);
  const page = await store.listFlowRuns({
    limit: parseLimit(options.limit, 20),
    ...(options.flow ? { flowName: options.flow } : {}),
    ...(states ? { states } : {}),
  });
  if (options.json) {
    process.stdout.write(JSON.stringify(page.items) + "\n");
    return;
  }
  if (page.items.length === 0) {
    process.stdout.write("No flow runs match. Run one with: flowbench run <file.ts>\n");
    return;
  }
  const out = makeOut(false);
  const rows = page.items.map((r) => [r.id, r.name, r.flowName, paintState(out, r.stateType, r.stateName), timestamp(r.startTime ?? r.createdAt), duration(r.startTime, r.endTime)]);
  process.stdout.write(table(["ID", "NAME", "FLOW", "STATE", "STARTED", "DURATION"], rows) + "\n");
}

export async function runsShow(store: RunStore, id: string, options: { json?: boolean }): Promise<void> {
  const run = await store.getFlowRun(id);
  if (!run) throw new CliError(`No flow run with id '${id}' (list them with: flowbench runs ls)`);
  const tree = await loadTree(store, run);
  if (options.json) {
    process.stdout.write(JSON.stringify(tree, null, 2) + "\n");
    return;
  }
  const out = makeOut(false);
  const lines: string[] = [];
  lines.push(`${out.paint("bold", `Flow run '${run.name}'`)} of flow '${run.flowName}'  ${run.id}`);
  lines.push(`  state:      ${paintState(out, run.stateType, describeState({ name: run.stateName, message: run.stateMessage }))}`);
  lines.push(`  started:    ${timestamp(run.startTime)}   duration: ${duration(run.startTime, run.endTime)}`);
  lines.push(`  parameters: ${oneLine(run.parameters)}`);
  if (run.error) lines.push(`  error:      ${out.paint("red", oneLine(`${run.error.name}: ${run.error.message}`, 200))}`);
  lines.push("");
  lines.push(`${tree.taskRuns.length} task run(s)${tree.subflows.length ? `, ${tree.subflows.length} subflow run(s)` : ""}:`);
  renderTree(out, tree, "  ", lines);
  process.stdout.write(lines.join("\n") + "\n");
}

interface Tree {
  flowRun: FlowRunRecord;
  taskRuns: TaskRunRecord[];
  subflows: Tree[];
}

async function loadTree(store: RunStore, run: FlowRunRecord, depth = 0): Promise<Tree> {
  const taskRuns = await store.listTaskRuns({ flowRunId: run.id });
  const children = depth < 10 ? (await store.listFlowRuns({ parentFlowRunId: run.id, limit: 1000 })).items.reverse() : [];
  return { flowRun: run, taskRuns, subflows: await Promise.all(children.map((c) => loadTree(store, c, depth + 1))) };
}

function renderTree(out: Out, tree: Tree, indent: string, lines: string[]): void {
  const byParent = new Map<string | null, TaskRunRecord[]>();
  for (const t of tree.taskRuns) {
    const key = t.parentTaskRunId;
    byParent.set(key, [...(byParent.get(key) ?? []), t]);
  }
  const subflowsByTask = new Map<string | null, Tree[]>();
  for (const s of tree.subflows) subflowsByTask.set(s.flowRun.parentTaskRunId, [...(subflowsByTask.get(s.flowRun.parentTaskRunId) ?? []), s]);
  const walk = (parent: string | null, pad: string): void => {
    for (const t of byParent.get(parent) ?? []) {
      const attempts = t.maxRetries > 0 || t.runCount > 1 ? `  attempts ${t.runCount}/${t.maxRetries + 1}` : "";
      lines.push(`${pad}${paintState(out, t.stateType, t.stateName.padEnd(10))} ${t.name}  ${duration(t.startTime, t.endTime)}${attempts}`);
      if (t.error) lines.push(`${pad}    ${out.paint("red", oneLine(`${t.error.name}: ${t.error.message}`, 160))}`);
      walk(t.id, pad + "  ");
      for (const s of subflowsByTask.get(t.id) ?? []) subflowLine(s, pad + "  ");
    }
  };
  const subflowLine = (s: Tree, pad: string): void => {
    lines.push(`${pad}${paintState(out, s.flowRun.stateType, s.flowRun.stateName.padEnd(10))} subflow '${s.flowRun.flowName}' run '${s.flowRun.name}'  ${duration(s.flowRun.startTime, s.flowRun.endTime)}`);
    renderTree(out, s, pad + "  ", lines);
  };
  walk(null, indent);
  for (const s of subflowsByTask.get(null) ?? []) subflowLine(s, indent);
}

function paintState(out: Out, type: string, text: string): string {
  return out.paint(STATE_COLOR[type] ?? "white", text);
}
