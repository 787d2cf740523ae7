import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { openSqliteStore } from "flowbench";
import { afterAll, describe, expect, it } from "vitest";
import { childEnv, useTempHistory } from "../helpers/history.ts";
import { cli, finished, nodeArgs, ROOT } from "../helpers/spawn.ts";

const history = useTempHistory();
afterAll(() => history[Symbol.asyncDispose]());

/** A script whose flow starts a task that never ends; it prints "started" once that is recorded. */
function hangingScript(name: string, extra = ""): string {
  const path = join(history.dir, `${name}.ts`);
  writeFileSync(
    path,
    `import { flow, task, flushHistory } from "flowbench";
${extra}
const hang = task(async function hang() {
  await flushHistory();
  console.log("started");
  await new Promise(() => setInterval(() => {}, 1000));
});
const main = flow({ name: "${name}", onCrashed: () => console.log("crash hook ran"), onCancellation: () => console.log("cancel hook ran") }, async () => { await hang(); });
await main();
`,
  );
  return path;
}

function startScript(path: string) {
  const child = spawn(process.execPath, nodeArgs(path), { cwd: ROOT, env: childEnv(history.dir), stdio: ["ignore", "pipe", "pipe"] });
  const started = new Promise<void>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes("started")) resolve();
    });
    child.on("exit", () => reject(new Error(`exited before starting: ${out}`)));
  });
  return { child, started, done: finished(child) };
}

async function lastRun(flowName: string) {
  const store = openSqliteStore(history.dbPath);
  try {
    const [run] = (await store.listFlowRuns({ flowName })).items;
    return { run: run!, tasks: await store.listTaskRuns({ flowRunId: run!.id }), states: await store.listStates(run!.id) };
  } finally {
    await store.close();
  }
}

describe("crashed runs", () => {
  it("marks a run Crashed after kill -9, the next time anyone opens the history", async () => {
    const script = startScript(hangingScript("killed"));
    await script.started;
    expect((await lastRun("killed")).run.stateType).toBe("RUNNING");
    script.child.kill("SIGKILL");
    await script.done;
    // The CLI opens the history, finds the dead owner, and marks the run and its task.
    const listed = await cli(["runs", "ls", "--flow", "killed", "--json"], childEnv(history.dir));
    expect(listed.code, listed.stderr).toBe(0);
    const [run] = JSON.parse(listed.stdout);
    expect(run.stateType).toBe("CRASHED");
    expect(run.stateMessage).toContain(`pid ${script.child.pid}`);
    const after = await lastRun("killed");
    expect(after.tasks.map((t) => t.stateType)).toEqual(["CRASHED"]);
    expect(after.states.map((s) => s.type)).toEqual(["PENDING", "RUNNING", "CRASHED"]);
  });

  it("marks a run Crashed at once when the script calls process.exit mid-run", async () => {
    const path = hangingScript("exited", `setTimeout(() => process.exit(3), 300);`);
    const result = await startScript(path).done;
    expect(result.code).toBe(3);
    const { run, tasks } = await lastRun("exited");
    expect(run).toMatchObject({ stateType: "CRASHED", stateMessage: "The process exited (code 3) while the run was in progress" });
    expect(tasks[0]!.stateType).toBe("CRASHED");
  });

  it("runs onCrashed hooks and marks Crashed on SIGTERM", async () => {
    const script = startScript(hangingScript("terminated"));
    await script.started;
    script.child.kill("SIGTERM");
    const result = await script.done;
    expect(result.code).toBe(143);
    expect(result.stdout).toContain("crash hook ran");
    expect((await lastRun("terminated")).run).toMatchObject({ stateType: "CRASHED", stateMessage: "Terminated by SIGTERM" });
  });

  it("cancels the run on Ctrl-C (SIGINT) and exits 130", async () => {
    const script = startScript(hangingScript("interrupted"));
    await script.started;
    script.child.kill("SIGINT");
    const result = await script.done;
    expect(result.code).toBe(130);
    expect(result.stdout).toContain("cancel hook ran");
    const { run, tasks } = await lastRun("interrupted");
    expect(run).toMatchObject({ stateType: "CANCELLED", stateMessage: "Interrupted by SIGINT (Ctrl-C)" });
    expect(tasks[0]!.stateType).toBe("CANCELLED");
  });
});
