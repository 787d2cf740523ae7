import { Command, Option } from "commander";
import { FlowbenchError } from "../../shared/errors.ts";
import type { RunStore } from "../../shared/store/types.ts";
import { limitList, limitRemove, limitSet } from "./commands/limits.ts";
import { logsCommand } from "./commands/logs.ts";
import { runCommand } from "./commands/run.ts";
import { runsList, runsShow } from "./commands/runs.ts";
import { scheduleAdd, scheduleList, scheduleRemove, scheduleSetActive } from "./commands/schedule.ts";
import { CliError } from "./errors.ts";
import { openHistory } from "./store.ts";

const LEVELS = ["debug", "info", "warning", "error"];

/** Builds the CLI; `exit` receives the code each command ends with. */
export function buildProgram(exit: (code: number) => void): Command {
  const program = new Command("flowbench")
    .description("Run TypeScript flows and inspect their history.")
    .showHelpAfterError("(add --help for usage)")
    .configureOutput({ outputError: (text, write) => write(text) });

  program
    .command("run")
    .description("Run a file's flow (its default export, or --flow NAME) and stream its states and logs")
    .argument("<file>", "a .ts or .js file that exports a flow")
    .option("--params <json>", "parameters as JSON: an object (the first argument) or an array of arguments")
    .option("--flow <name>", "which flow to run when the file exports several")
    .addOption(new Option("--log-level <level>", "lowest log level to print").choices(LEVELS))
    .option("--json", "print events as JSON lines, then a result line")
    .action(async (file: string, opts) => exit(await guarded(() => runCommand(file, opts))));

  const runs = program.command("runs").description("List and inspect flow runs");
  runs
    .command("ls")
    .description("List flow runs, newest first")
    .option("--flow <name>", "only runs of this flow")
    .option("--state <states>", "only runs in these states, comma-separated (e.g. FAILED,CRASHED)")
    .option("--limit <n>", "how many (1-1000, default 20)")
    .option("--json", "print JSON")
    .action(async (opts) => exit(await withStore((store) => runsList(store, opts))));
  runs
    .command("show")
    .description("Show a flow run with its task tree, states, durations and retries")
    .argument("<id>", "flow run id")
    .option("--json", "print JSON")
    .action(async (id: string, opts) => exit(await withStore((store) => runsShow(store, id, opts))));

  program
    .command("logs")
    .description("Show a flow run's logs")
    .argument("<run-id>", "flow run id")
    .option("--level <level>", `lowest level to show (${LEVELS.join(", ")})`)
    .option("-f, --follow", "keep printing new lines until the run finishes")
    .option("--json", "print JSON lines")
    .action(async (id: string, opts) => {
      const stop = new AbortController();
      process.once("SIGINT", () => stop.abort());
      exit(await withStore((store) => logsCommand(store, id, opts, stop.signal)));
    });
  const limit = program.command("limit").description("Tag concurrency limits: at most N task runs with a tag at once, across processes");
  limit.command("ls").description("List limits with the slots held now").option("--json", "print JSON").action(async (opts) => exit(await withStore((store) => limitList(store, opts))));
  limit.command("set").description("Set a tag's limit").argument("<tag>").argument("<n>", "a positive whole number").action(async (tag: string, n: string) => exit(await withStore((store) => limitSet(store, tag, n))));
  limit.command("rm").description("Remove a tag's limit").argument("<tag>").action(async (tag: string) => exit(await withStore((store) => limitRemove(store, tag))));

  const schedule = program.command("schedule").description("Schedules of workspace flows (run by the app) and of scripts' serve()");
  schedule.command("ls").description("List schedules with their next fire times").option("--json", "print JSON").action(async (opts) => exit(await withStore((store) => scheduleList(store, opts))));
  schedule
    .command("add")
    .description("Schedule a workspace flow: exactly one of --cron, --every or --at")
    .argument("<flow>", "a flow id: its file in the flows folder, without .ts")
    .option("--cron <expr>", "a cron expression, e.g. '0 9 * * 1-5'")
    .option("--tz <zone>", "the cron's IANA time zone, e.g. Europe/Paris (default: this machine's)")
    .option("--every <duration>", "an interval, e.g. 90s, 15m, 1h30m, 2d")
    .option("--anchor <iso>", "with --every: a time the intervals count from")
    .option("--at <iso>", "once, at this time")
    .option("--params <json>", "parameters as a JSON object")
    .option("--name <name>", "the schedule's name")
    .option("--catch-up <policy>", "missed slots: skip, latest (default) or all")
    .option("--flows-dir <dir>", "the flows folder (default: $FLOWBENCH_HOME/flows)")
    .option("--json", "print JSON")
    .action(async (flow: string, opts) => exit(await withStore((store) => scheduleAdd(store, flow, opts))));
  schedule.command("pause").description("Pause a schedule").argument("<id>", "a schedule id, or an unambiguous prefix").action(async (id: string) => exit(await withStore((store) => scheduleSetActive(store, id, false))));
  schedule.command("resume").description("Resume a paused schedule").argument("<id>", "a schedule id, or an unambiguous prefix").action(async (id: string) => exit(await withStore((store) => scheduleSetActive(store, id, true))));
  schedule.command("rm").description("Delete a schedule (its past runs stay)").argument("<id>", "a schedule id, or an unambiguous prefix").action(async (id: string) => exit(await withStore((store) => scheduleRemove(store, id))));
  program
    .command("trigger")
    .description("Run a workspace flow now, in a worker as the app would, and wait for it")
    .argument("<flow>", "a flow id: its file in the flows folder, without .ts")
    .option("--params <json>", "parameters as a JSON object")
    .option("--flows-dir <dir>", "the flows folder (default: $FLOWBENCH_HOME/flows)")
    .option("--json", "print the outcome as JSON")
    .action(async (flow: string, opts) => {
      const stop = new AbortController();
      process.once("SIGINT", () => stop.abort());
      exit(await guarded(async () => (await import("./commands/trigger.ts")).triggerCommand(flow, opts, stop.signal)));
    });

  program
    .command("server")
    .description("Serve the app and its API on http://127.0.0.1:4200 until Ctrl-C")
    .option("--port <port>", "port to listen on (0 picks a free one)", "4200")
    .option("--host <address>", "address to listen on; anything but loopback needs --token", "127.0.0.1")
    .option("--token <token>", "the token mutations must carry (default: a new random one)")
    .action(async (opts) => {
      const stop = new AbortController();
      process.once("SIGINT", () => stop.abort());
      process.once("SIGTERM", () => stop.abort());
      exit(await guarded(async () => (await import("./commands/server.ts")).serverCommand(opts, stop.signal)));
    });

  const graph = program.command("graph").description("Convert between flow graphs (JSON) and flow files (TypeScript), and check them");
  graph
    .command("compile")
    .description("Compile graph JSON to a flow file")
    .argument("<graph.json>", "a flow graph")
    .option("-o, --out <file.ts>", "write here instead of to stdout")
    .action(async (file: string, opts) => exit(await guarded(async () => (await graphCommands()).graphCompile(file, opts))));
  graph
    .command("parse")
    .description("Read a flow file back into graph JSON, or list the lines a graph cannot show")
    .argument("<file.ts>", "a flow file")
    .action(async (file: string) => exit(await guarded(async () => (await graphCommands()).graphParse(file))));
  graph
    .command("check")
    .description("Validate a graph or flow file and type-check its code")
    .argument("<file>", "graph JSON or a flow file")
    .action(async (file: string) => exit(await guarded(async () => (await graphCommands()).graphCheck(file))));
  return program;
}

/** Loaded on use: the TypeScript compiler takes a while to load, and `run` or `logs` never need it. */
function graphCommands() {
  return import("./commands/graph.ts");
}

async function withStore(fn: (store: RunStore) => Promise<void>): Promise<number> {
  return guarded(async () => {
    const store = await openHistory();
    try {
      await fn(store);
      return 0;
    } finally {
      await store.close();
    }
  });
}

async function guarded(fn: () => Promise<number>): Promise<number> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof CliError || error instanceof FlowbenchError) {
      process.stderr.write(`flowbench: ${error.message}\n`);
      return error instanceof CliError ? error.exitCode : 1;
    }
    throw error;
  }
}
