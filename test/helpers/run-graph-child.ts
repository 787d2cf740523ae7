/**
 * Runs runGraph in a process of its own, as the host will: the SDK, the flow
 * file and runGraph then share one module instance, as they do in the app.
 * argv: <graph.json> <file.ts> [params json]. Prints one JSON line.
 */
import { readFileSync } from "node:fs";
import { FlowbenchError } from "../../shared/errors.ts";
import { runGraph } from "../../src-main/graph/run.ts";
import { flushHistory } from "../../src-main/sdk.ts";

const [graphPath, file, params] = process.argv.slice(2);
try {
  const run = await runGraph(JSON.parse(readFileSync(graphPath!, "utf8")), { file: file!, ...(params ? { params: JSON.parse(params) } : {}) });
  await flushHistory();
  process.stdout.write(JSON.stringify({ state: { type: run.state.type, result: run.state.result } }) + "\n");
} catch (error) {
  const e = error as FlowbenchError;
  process.stdout.write(JSON.stringify({ error: { name: e.name, code: e instanceof FlowbenchError ? e.code : undefined, message: e.message, details: e instanceof FlowbenchError ? e.details : undefined } }) + "\n");
}
