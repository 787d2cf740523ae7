import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AutomationRecord } from "../../shared/schedule/records.ts";
import type { AutomationStore } from "../../shared/store/automation-types.ts";
import { emptyBatch, type FlowRunRecord, type RunStore, type StateRecord } from "../../shared/store/types.ts";
import type { UserNotification } from "../host/context.ts";
import { FlowFiles } from "../host/flow-files.ts";
import { realClock } from "../scheduler/clock.ts";
import { openSqliteStore } from "../store/sqlite/index.ts";
import { AutomationRunner } from "./runner.ts";

const run = (id: string, over: Partial<FlowRunRecord> = {}): FlowRunRecord => ({
  id, name: id, flowName: "nightly", flowVersion: null, parentFlowRunId: null, parentTaskRunId: null, parameters: "{}", tags: [],
  stateType: "RUNNING", stateName: "Running", stateMessage: null, createdAt: 1, startTime: 1, endTime: null, runCount: 1,
  error: null, resultPreview: null, owner: null, ...over,
});
const state = (runId: string, type: StateRecord["type"], name: string): StateRecord => ({ runId, runKind: "flow", type, name, timestamp: Date.now(), message: null, error: null });

let dir: string;
let store: RunStore;
let rules: AutomationStore;
let notified: UserNotification[];
const runners: AutomationRunner[] = [];

function runner(notify = (n: UserNotification) => void notified.push(n)): AutomationRunner {
  const engine = { start: async () => ({ runId: "started" }), cancel: async () => false, onFlush: () => () => undefined, close: async () => undefined };
  const r = new AutomationRunner({ store, automations: rules, flows: new FlowFiles(join(dir, "flows")), engine, clock: realClock, scheduler: { poke: () => undefined }, notify }, { pollMs: 60_000, log: () => undefined });
  runners.push(r);
  return r;
}

async function automation(over: Partial<AutomationRecord> = {}): Promise<AutomationRecord> {
  const record: AutomationRecord = { id: `a${runners.length}-${Math.random()}`, name: "tell me", active: true, when: { kind: "flow-run-state", states: ["FAILED"] }, then: { kind: "notify" }, createdAt: 1, updatedAt: 1, ...over };
  await rules.putAutomation(record);
  return record;
}

const write = (runs: FlowRunRecord[], states: StateRecord[] = []) => store.write({ ...emptyBatch(), flowRuns: runs, states });
/** Lets background actions finish recording. */
const settle = () => new Promise((r) => setTimeout(r, 50));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "flowbench-automations-"));
  store = openSqliteStore(join(dir, "flowbench.db"));
  rules = store.automations!();
  notified = [];
});
afterEach(async () => {
  await Promise.all(runners.splice(0).map((r) => r.close()));
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the automation runner", () => {
  it("starts from now the first time: history from before never fires", async () => {
    await write([run("old", { stateType: "FAILED", stateName: "Failed" })]);
    const a = await automation();
    const r = runner();
    await r.tick();
    await write([run("new", { stateType: "FAILED", stateName: "Failed" })]);
    await r.tick();
    await settle();
    expect(notified.map((n) => n.runId)).toEqual(["new"]);
    expect((await rules.listFirings({ automationId: a.id, limit: 10 })).map((f) => [f.runId, f.status, f.detail])).toEqual([["new", "succeeded", "notified: nightly: failed"]]);
    expect(await rules.getCursor("automations")).toBeGreaterThan(0);
  });

  it("fires once per run and state, whichever of two runners sees it first", async () => {
    const a = await automation({ when: { kind: "flow-run-state", flowName: "nightly", tags: ["prod"], states: ["FAILED", "COMPLETED"] } });
    const [one, two] = [runner(), runner()];
    await Promise.all([one.tick(), two.tick()]);
    await write([run("r1", { tags: ["prod"], stateType: "FAILED", stateName: "Failed" }), run("r2", { stateType: "FAILED", stateName: "Failed" })]);
    await Promise.all([one.tick(), two.tick(), one.tick()]);
    // The same run changing again (say, a late log line) in the same state does not fire again.
    await write([run("r1", { tags: ["prod"], stateType: "FAILED", stateName: "Failed", stateMessage: "again" })]);
    await Promise.all([one.tick(), two.tick()]);
    await settle();
    expect(notified.map((n) => n.runId)).toEqual(["r1"]);
    expect(await rules.listFirings({ automationId: a.id, limit: 10 })).toHaveLength(1);
  });

  it("fires for Late even when the run had already started when it looked", async () => {
    const a = await automation({ when: { kind: "flow-run-state", states: ["LATE"] } });
    const r = runner();
    await r.tick();
    await write([run("late", { stateType: "SCHEDULED", stateName: "Late" })], [state("late", "SCHEDULED", "Scheduled"), state("late", "SCHEDULED", "Late")]);
    await write([run("late", { stateType: "RUNNING", stateName: "Running" })], [state("late", "RUNNING", "Running")]);
    await write([run("on-time", { stateType: "RUNNING", stateName: "Running" })], [state("on-time", "SCHEDULED", "Scheduled"), state("on-time", "RUNNING", "Running")]);
    await r.tick();
    await settle();
    expect((await rules.listFirings({ automationId: a.id, limit: 10 })).map((f) => [f.runId, f.stateType, f.stateName])).toEqual([["late", "SCHEDULED", "Late"]]);
  });

  it("records a failing action as failed and keeps going", async () => {
    const a = await automation();
    const r = runner(() => {
      throw new Error("the desktop said no");
    });
    await r.tick();
    await write([run("x", { stateType: "FAILED", stateName: "Failed" }), run("y", { stateType: "FAILED", stateName: "Failed" })]);
    await r.tick();
    await settle();
    const firings = await rules.listFirings({ automationId: a.id, limit: 10 });
    expect(firings.map((f) => [f.runId, f.status, f.detail]).sort()).toEqual([["x", "failed", "the desktop said no"], ["y", "failed", "the desktop said no"]]);
  });

  it("ignores inactive automations", async () => {
    await automation({ active: false });
    const r = runner();
    await r.tick();
    await write([run("x", { stateType: "FAILED", stateName: "Failed" })]);
    await r.tick();
    await settle();
    expect(notified).toEqual([]);
  });
});
