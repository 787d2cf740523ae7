/**
 * Automations on a real host (SQLite, worker-thread engine): flow A failing
 * starts flow B with A's run id; a completed run passes on its result; a URL
 * that cannot be reached is a failed firing that leaves A alone; a notification
 * reaches subscribers; and neither a second host on the same database nor a
 * restart fires again for the same run.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiEvent } from "../../shared/api/events.ts";
import type { FlowGraph } from "../../shared/graph/model.ts";
import type { AutomationRecord, FiringRecord } from "../../shared/schedule/records.ts";
import type { FlowRunRecord } from "../../shared/store/types.ts";
import { IN_PROGRESS } from "../../src-main/automations/runner.ts";
import { createEngine } from "../../src-main/engine/engine.ts";
import { ensureWorkspace } from "../../src-main/graph/workspace.ts";
import { createHost, type Host } from "../../src-main/host/index.ts";
import { FAILING } from "../e2e/run-flows.ts";
import { oneTaskFlow } from "../helpers/one-task-flow.ts";
import { until } from "../helpers/until.ts";

const at = (x: number) => ({ x, y: 0 });

const FOLLOW_UP = oneTaskFlow({
  name: "follow up",
  params: [
    { name: "sourceRunId", type: "string" },
    { name: "upstream", type: "string", default: "" },
  ],
  task: { id: "note", title: "Note", output: "string", code: "return `after ${sourceRunId}: ${upstream}`;" },
});

const MAKE: FlowGraph = {
  name: "make greeting",
  params: [],
  options: {},
  header: "",
  nodes: [
    { id: "make", kind: "task", title: "Make", position: at(0), inputs: [], output: "string", code: 'return "hi there";', options: {} },
    { id: "out", kind: "output", title: "Output", position: at(300) },
  ],
  edges: [{ source: "make", target: "out", input: "result" }],
};

let home: string;
let flowsDir: string;
let host: Host;
/** A second host on the same database, following the same changes from the start. */
let second: Host | undefined;
const direct = { transport: "direct" as const, mayMutate: true };

async function call<T>(h: Host, method: string, input: unknown): Promise<T> {
  const answer = await h.dispatch(method, input, direct);
  if (!answer.ok) throw new Error(`${method}: ${answer.error.message}`);
  return answer.result as T;
}

const open = () => createHost({ home, flowsDir, engine: (o) => createEngine({ ...o, cancelGraceMs: 500 }), pollMs: 100 });

const TERMINAL = ["COMPLETED", "FAILED", "CRASHED", "CANCELLED"];
const finished = (runId: string) =>
  until(`run ${runId} to finish`, async () => {
    const { run } = await call<{ run: FlowRunRecord }>(host, "runs.get", { runId });
    return TERMINAL.includes(run.stateType) ? run : undefined;
  });
const firingsOf = async (h: Host, automationId: string) => (await call<{ firings: FiringRecord[] }>(h, "automations.firings", { automationId })).firings;
const finishedFiring = (automationId: string) =>
  until(`a firing of ${automationId}`, async () => {
    const [firing] = await firingsOf(host, automationId);
    return firing && firing.detail !== IN_PROGRESS ? firing : undefined;
  });

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

let onFailure: AutomationRecord;
let callUrl: AutomationRecord;
let notify: AutomationRecord;
let withResult: AutomationRecord;
let failedRun: FlowRunRecord;
const notifications: ApiEvent[] = [];

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), "flowbench-automations-"));
  flowsDir = join(home, "flows");
  ensureWorkspace(flowsDir);
  host = await open();
  const a = await call<{ id: string }>(host, "flows.save", { graph: FAILING });
  const b = await call<{ id: string }>(host, "flows.save", { graph: FOLLOW_UP });
  const make = await call<{ id: string }>(host, "flows.save", { graph: MAKE });
  const failed = { kind: "flow-run-state", flowName: FAILING.name, states: ["FAILED"] } as const;
  onFailure = await call(host, "automations.create", { name: "follow up failures", when: failed, then: { kind: "start-flow", flowId: b.id } });
  callUrl = await call(host, "automations.create", { name: "tell a dead URL", when: failed, then: { kind: "call-url", url: `http://127.0.0.1:${await closedPort()}/hook` } });
  notify = await call(host, "automations.create", { name: "say so", when: failed, then: { kind: "notify", title: "{flow} {state}" } });
  withResult = await call(host, "automations.create", {
    name: "pass the result",
    when: { kind: "flow-run-state", flowName: MAKE.name, states: ["COMPLETED"] },
    then: { kind: "start-flow", flowId: b.id, resultParam: "upstream" },
  });
  second = await open();
  // Whichever host claims the firing shows the notification.
  for (const h of [host, second]) h.subscribe({ notifications: true }, { send: (batch) => notifications.push(...batch.events.filter((e) => e.type === "notification")) });
  const { runId } = await call<{ runId: string }>(host, "runs.start", { flowId: a.id });
  failedRun = await finished(runId);
  await call(host, "runs.start", { flowId: make.id });
}, 60_000);
afterAll(async () => {
  await second?.close();
  await host?.close();
  rmSync(home, { recursive: true, force: true });
});

describe("automations", () => {
  it("refuses actions that could never work, naming the field", async () => {
    const answer = await host.dispatch("automations.create", { name: "x", when: { kind: "flow-run-state", states: ["FAILED"] }, then: { kind: "start-flow", flowId: "nope" } }, direct);
    expect(answer.ok ? null : answer.error).toMatchObject({ code: "invalid-input", message: expect.stringMatching(/then\.flowId: there is no flow 'nope'/) });
    const schedule = await host.dispatch("automations.create", { name: "x", when: { kind: "flow-run-state", states: ["LATE"] }, then: { kind: "pause-schedule", scheduleId: "nope" } }, direct);
    expect(schedule.ok ? null : schedule.error.message).toMatch(/then\.scheduleId: there is no schedule 'nope'/);
  });

  it("starts flow B with A's run id when A fails, and records the firing", async () => {
    expect(failedRun.stateType).toBe("FAILED");
    const firing = await finishedFiring(onFailure.id);
    expect(firing).toMatchObject({ runId: failedRun.id, flowName: FAILING.name, stateType: "FAILED", status: "succeeded", detail: expect.stringMatching(/^started run \S+$/) });
    const started = firing.detail.replace("started run ", "");
    const run = await finished(started);
    expect(run.flowName).toBe("follow up");
    expect(JSON.parse(run.parameters)).toEqual({ sourceRunId: failedRun.id });
    expect(run.stateType).toBe("COMPLETED");
    expect(run.resultPreview).toBe(JSON.stringify(`after ${failedRun.id}: `));
  });

  it("passes a completed run's result on", async () => {
    const firing = await finishedFiring(withResult.id);
    expect(firing.status).toBe("succeeded");
    const run = await finished(firing.detail.replace("started run ", ""));
    expect(JSON.parse(run.parameters)).toEqual({ sourceRunId: firing.runId, upstream: "hi there" });
    expect(run.stateType).toBe("COMPLETED");
  });

  it("records an unreachable URL as a failed firing, leaving the run that caused it alone", async () => {
    const firing = await finishedFiring(callUrl.id);
    expect(firing).toMatchObject({ runId: failedRun.id, status: "failed", detail: expect.stringContaining("ECONNREFUSED") });
    const { run, states } = await call<{ run: FlowRunRecord; states: unknown[] }>(host, "runs.get", { runId: failedRun.id });
    expect(run).toEqual(failedRun);
    expect(states.length).toBeGreaterThan(0);
  });

  it("sends notifications to subscribers that asked for them", async () => {
    const firing = await finishedFiring(notify.id);
    expect(firing.status).toBe("succeeded");
    await until("the notification", async () => (notifications.length ? true : undefined));
    expect(notifications[0]).toMatchObject({ type: "notification", notification: { title: "import orders failed", runId: failedRun.id, body: expect.stringContaining("failed") } });
  });

  it("fires once per run and state, with a second host on the database and after a restart", async () => {
    const counts = async (h: Host) => Promise.all([onFailure, callUrl, notify, withResult].map(async (a) => (await firingsOf(h, a.id)).length));
    expect(await counts(host)).toEqual([1, 1, 1, 1]);
    const followUps = async (h: Host) => (await call<{ items: FlowRunRecord[] }>(h, "runs.list", { flowName: "follow up", limit: 100 })).items.length;
    expect(await followUps(host)).toBe(2);
    // The second host polled the same changes all along, and claimed nothing twice.
    await new Promise((r) => setTimeout(r, 1000));
    expect(await counts(second!)).toEqual([1, 1, 1, 1]);
    await second!.close();
    second = undefined;
    // Restart: the stored cursor and the claimed firings keep it from firing again.
    await host.close();
    host = await open();
    await new Promise((r) => setTimeout(r, 1000));
    expect(await counts(host)).toEqual([1, 1, 1, 1]);
    expect(await followUps(host)).toBe(2);
  });
});
