import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { isFlow, type Flow } from "../../../shared/sdk/flow.ts";
import { subscribe } from "../../../shared/sdk/events.ts";
import { configure } from "../../../shared/sdk/runtime.ts";
import { describeState } from "../../../shared/sdk/states.ts";
import type { LogLevelName } from "../../../shared/store/types.ts";
import { CliError, parseJsonOption } from "../errors.ts";
import { makeOut, STATE_COLOR } from "../format.ts";

export interface RunCommandOptions {
  params?: string;
  flow?: string;
  json?: boolean;
  logLevel?: LogLevelName;
}

/** Loads a file, picks its flow, runs it here with live output; resolves to the exit code. */
export async function runCommand(file: string, options: RunCommandOptions): Promise<number> {
  const path = resolve(file);
  if (!existsSync(path)) throw new CliError(`File not found: ${file}`);
  const params = options.params === undefined ? undefined : parseJsonOption("--params", options.params);
  const target = pickFlow(file, await load(file, path), options.flow);
  const args = params === undefined ? [] : Array.isArray(params) ? params : [params];

  if (options.json) configure({ consoleLevel: "off" });
  else if (options.logLevel) configure({ consoleLevel: options.logLevel });
  let flowRunId: string | undefined;
  const unsubscribe = subscribe((event) => {
    if (event.kind === "flow-run-state" && flowRunId === undefined && event.run.parentFlowRunId === null) flowRunId = event.run.id;
    if (options.json) process.stdout.write(JSON.stringify(event.kind === "log" ? event : { kind: event.kind, runId: event.run.id, runName: event.run.name, state: event.state }) + "\n");
  });
  const state = await target.run(args as unknown[], { returnState: true });
  unsubscribe();

  const ok = state.type === "COMPLETED";
  if (options.json) {
    process.stdout.write(JSON.stringify({ kind: "result", flowRunId, state: { type: state.type, name: state.name, message: state.message ?? null }, result: ok ? state.result : undefined }) + "\n");
  } else {
    const out = makeOut(false);
    const summary = `Flow run ${flowRunId ?? "?"} of '${target.flowName}' finished in state ${out.paint(STATE_COLOR[state.type] ?? "white", describeState(state))}`;
    (ok ? process.stdout : process.stderr).write(summary + "\n");
  }
  return ok ? 0 : 1;
}

async function load(file: string, path: string): Promise<Record<string, unknown>> {
  try {
    return (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (error) {
    const e = error as Error & { code?: string };
    const first = (e.message ?? String(error)).split("\n")[0];
    throw new CliError(`Cannot load ${file}: ${e.code ? `${e.code}: ` : ""}${first}`);
  }
}

function pickFlow(file: string, module: Record<string, unknown>, wanted: string | undefined): Flow<unknown[], unknown> {
  const flows = Object.entries(module).filter((entry): entry is [string, Flow<unknown[], unknown>] => isFlow(entry[1]));
  const names = [...new Set(flows.map(([, f]) => f.flowName))];
  if (wanted !== undefined) {
    const match = flows.find(([exportName, f]) => f.flowName === wanted || exportName === wanted);
    if (!match) throw new CliError(`No flow named '${wanted}' in ${file}${names.length ? ` (it has: ${names.join(", ")})` : ""}`);
    return match[1];
  }
  const fallback = module.default;
  if (isFlow(fallback)) return fallback;
  if (names.length === 1) return flows[0]![1];
  if (names.length === 0) throw new CliError(`No flow in ${file}: export one made with flow(), as default or named`);
  throw new CliError(`${file} has several flows (${names.join(", ")}): choose one with --flow`);
}
