/**
 * `node my-flow.ts --params '{"since":"2026-01-01"}'`: what a compiled flow
 * file calls under `if (import.meta.main)`, so every saved flow is also a
 * script. Prints the result as JSON; a failed run sets a non-zero exit code.
 * With serve options, `node my-flow.ts --serve` serves the flow on its schedules instead.
 */
import type { Flow } from "../../shared/sdk/flow.ts";
import type { ServeOptions } from "../../shared/sdk/serve-options.ts";

export interface CommandLineOptions {
  /** What `--serve` passes to the flow's serve(). */
  serve?: ServeOptions;
  /** The arguments after the script; process.argv's by default. */
  argv?: readonly string[];
}

export async function runFromCommandLine<A extends unknown[], R>(target: Flow<A, R>, options: CommandLineOptions = {}): Promise<void> {
  const argv = options.argv ?? process.argv.slice(2);
  if (options.serve && argv.includes("--serve")) {
    // Flow.serve lands separately; a file compiled for a newer SDK must still fail clearly on an older one.
    const served = target as unknown as { serve?: (options: ServeOptions) => Promise<unknown> };
    if (typeof served.serve === "function") {
      await served.serve(options.serve);
      return;
    }
    process.stderr.write("flowbench: serve() is not available in this version\n");
    process.exitCode = 2;
    return;
  }
  let args: unknown[];
  try {
    args = parseArgs(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 2;
    return;
  }
  const state = await target.run(args as A, { returnState: true });
  if (state.type === "COMPLETED") {
    if (state.result !== undefined) process.stdout.write(`${JSON.stringify(state.result, null, 2) ?? String(state.result)}\n`);
    return;
  }
  process.stderr.write(`Flow '${target.flowName}' ended ${state.name}${state.message ? `: ${state.message}` : ""}\n`);
  process.exitCode = 1;
}

function parseArgs(argv: readonly string[]): unknown[] {
  const at = argv.findIndex((a) => a === "--params" || a.startsWith("--params="));
  const text = at < 0 ? argv.find((a) => a.trimStart().startsWith("{")) : argv[at]!.startsWith("--params=") ? argv[at]!.slice(9) : argv[at + 1];
  if (at >= 0 && text === undefined) throw new Error("--params needs a JSON object, e.g. --params '{\"name\":\"Ada\"}'");
  if (text === undefined) return [];
  try {
    return [JSON.parse(text)];
  } catch (error) {
    throw new Error(`--params is not valid JSON: ${(error as Error).message}`);
  }
}
