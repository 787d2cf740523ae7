/**
 * `flowbench trigger <flow>`: runs a workspace flow now, in a worker thread of an
 * engine in this process (as the app would), and waits for it to end.
 * `flowbench server` records no address for other processes to find, so the run
 * cannot be handed to a running server; both write the same history, so it shows there anyway.
 */
import { dirname } from "node:path";
import { ApiError } from "../../../shared/api/errors.ts";
import { checkParams } from "../../../shared/schedule/params.ts";
import { describeState } from "../../../shared/sdk/states.ts";
import { createEngine } from "../../engine/engine.ts";
import { ensureWorkspace } from "../../graph/workspace.ts";
import { FlowFiles } from "../../host/flow-files.ts";
import { databasePath, flowsDir } from "../../platform/paths.ts";
import { CliError, parseJsonOption } from "../errors.ts";
import { makeOut, STATE_COLOR } from "../format.ts";
import { openHistory } from "../store.ts";

export interface TriggerOptions {
  params?: string;
  flowsDir?: string;
  json?: boolean;
}

export async function triggerCommand(flowId: string, options: TriggerOptions, stop: AbortSignal): Promise<number> {
  const params = options.params === undefined ? undefined : parseJsonOption("--params", options.params);
  if (params !== undefined && (params === null || typeof params !== "object" || Array.isArray(params))) throw new CliError("--params must be a JSON object, e.g. '{\"name\":\"Ada\"}'", 2);
  let flow;
  try {
    flow = new FlowFiles(options.flowsDir ?? flowsDir()).get(flowId);
  } catch (error) {
    if (error instanceof ApiError) throw new CliError(error.message, 2);
    throw error;
  }
  // Graph flows declare their parameters: a wrong one is a usage error, not a failed run.
  if (flow.parsed.ok) {
    const check = checkParams(flow.parsed.graph.params, params ?? {});
    if (!check.ok) throw new CliError(`Invalid parameters for flow '${flow.name}': ${check.problems.join("; ")}`, 2);
  }

  // As the app does for the flows it saves: `import "flowbench"` must resolve in the folder.
  ensureWorkspace(dirname(flow.file));
  const store = await openHistory();
  const engine = createEngine({ dbPath: databasePath(), store });
  try {
    const { runId } = await engine.start({ file: flow.file, flowName: flow.name, ...(params === undefined ? {} : { params }) });
    if (!options.json) process.stdout.write(`Started flow run ${runId} of '${flow.name}'\n`);
    const onStop = (): void => void engine.cancel(runId);
    stop.addEventListener("abort", onStop, { once: true });
    const outcome = await engine.wait(runId);
    stop.removeEventListener("abort", onStop);
    const ok = outcome.stateType === "COMPLETED";
    if (options.json) process.stdout.write(JSON.stringify(outcome) + "\n");
    else {
      const out = makeOut(false);
      const state = describeState({ name: outcome.stateName, message: outcome.message });
      (ok ? process.stdout : process.stderr).write(`Flow run ${runId} of '${flow.name}' finished in state ${out.paint(STATE_COLOR[outcome.stateType] ?? "white", state)}\n`);
    }
    return ok ? 0 : 1;
  } finally {
    await engine.close();
    await store.close();
  }
}
