/**
 * File triggers on a real host: a file written into the watched folder starts
 * exactly one run with its path (even though the run writes to that file), a
 * file written slowly in chunks starts one run only once complete, and pausing
 * the trigger stops the watch.
 */
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TriggerRecord } from "../../shared/schedule/records.ts";
import type { FlowRunRecord } from "../../shared/store/types.ts";
import { startTestHost, type TestHost } from "../helpers/api-host.ts";
import { oneTaskFlow } from "../helpers/one-task-flow.ts";
import { until } from "../helpers/until.ts";

/** Processes its file in place: the run appends to the very file that started it. */
const INGEST = oneTaskFlow({
  name: "ingest file",
  params: [{ name: "path", type: "string" }],
  header: 'import { appendFileSync, readFileSync } from "node:fs";',
  task: {
    id: "ingest", title: "Ingest", output: "number",
    code: 'const lines = readFileSync(path, "utf8").split("\\n").filter(Boolean).length;\nappendFileSync(path, "processed\\n");\nreturn lines;',
  },
});

const direct = { transport: "direct" as const, mayMutate: true };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let t: TestHost;
let inbox: string;
let trigger: TriggerRecord;

async function call<T>(method: string, input: unknown): Promise<T> {
  const answer = await t.host.dispatch(method, input, direct);
  if (!answer.ok) throw new Error(`${method}: ${answer.error.message}`);
  return answer.result as T;
}

const runs = async () => (await call<{ items: FlowRunRecord[] }>("runs.list", { flowName: INGEST.name, limit: 100 })).items;
const runsFor = async (path: string) => (await runs()).filter((r) => (JSON.parse(r.parameters) as { path?: string }).path === path);

beforeAll(async () => {
  t = await startTestHost();
  inbox = join(t.home, "inbox");
  mkdirSync(inbox);
  writeFileSync(join(inbox, "before.csv"), "there before the trigger\n");
  const flow = await call<{ id: string }>("flows.save", { graph: INGEST });
  trigger = await call("triggers.create", { flowId: flow.id, config: { kind: "file", folder: inbox, glob: "**/*.csv", param: "path", debounceMs: 300 } });
  // The watch starts in the background once the trigger is saved.
  await sleep(200);
}, 60_000);
afterAll(async () => {
  await t?.close();
});

describe("file triggers", () => {
  it("starts exactly one run per new file, with its absolute path, though the run writes to it", async () => {
    const file = join(inbox, "orders.csv");
    writeFileSync(file, "a,1\nb,2\n");
    const [run] = await until("a run for orders.csv", async () => {
      const found = await runsFor(file);
      return found.length && found.every((r) => ["COMPLETED", "FAILED", "CRASHED"].includes(r.stateType)) ? found : undefined;
    });
    expect(run).toMatchObject({ stateType: "COMPLETED", resultPreview: "2" });
    expect(readFileSync(file, "utf8")).toBe("a,1\nb,2\nprocessed\n");
    // Well past the debounce and the run's end: its own write started nothing.
    await sleep(1500);
    expect(await runsFor(file)).toHaveLength(1);
    expect(await runsFor(join(inbox, "before.csv"))).toHaveLength(0);
  });

  it("starts one run for a file written slowly in chunks, only once it is complete", async () => {
    const file = join(inbox, "sub", "slow.csv");
    mkdirSync(join(inbox, "sub"));
    await sleep(100);
    writeFileSync(file, "row 0\n");
    for (let i = 1; i < 6; i++) {
      await sleep(150);
      appendFileSync(file, `row ${i}\n`);
    }
    const complete = Date.now();
    const [run] = await until("a run for slow.csv", async () => {
      const found = await runsFor(file);
      return found.length && found[0]!.stateType === "COMPLETED" ? found : undefined;
    });
    expect(run!.createdAt).toBeGreaterThanOrEqual(complete);
    // It saw every row: it started after the last chunk.
    expect(run!.resultPreview).toBe("6");
    await sleep(1000);
    expect(await runsFor(file)).toHaveLength(1);
  });

  it("stops watching when the trigger is paused", async () => {
    await call("triggers.setActive", { id: trigger.id, active: false });
    await sleep(200);
    const file = join(inbox, "ignored.csv");
    writeFileSync(file, "x\n");
    await sleep(1200);
    expect(await runsFor(file)).toHaveLength(0);
  });
});
