/**
 * A flow's schedules travel with its exported file as serve() options, and importing
 * that file gives them back to the app's scheduler.
 */
import { readFileSync } from "node:fs";
import { afterEach, expect, it } from "vitest";
import { parseFlowSource } from "../../shared/graph/index.ts";
import { startTestHost, type TestHost } from "../helpers/api-host.ts";
import { oneTaskFlow } from "../helpers/one-task-flow.ts";

const GREET = oneTaskFlow({
  name: "daily greeting",
  params: [{ name: "who", type: "string" }],
  task: { id: "greet", title: "Greet", output: "string", code: "return `hello ${who}`;" },
});

let t: TestHost | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function call<T>(method: string, input: unknown): Promise<T> {
  const answer = await t!.host.dispatch(method, input, { transport: "direct", mayMutate: true });
  if (!answer.ok) throw new Error(`${method}: ${answer.error.message}`);
  return answer.result as T;
}

it("exports schedules and policy as serve options, and an import of that file restores them", async () => {
  t = await startTestHost();
  const { id } = await call<{ id: string }>("flows.save", { graph: GREET });
  await call("schedules.create", { flowId: id, spec: { name: "mornings", cron: "0 9 * * 1-5", timezone: "Europe/Paris", params: { who: "Ada" } } });
  const paused = await call<{ id: string }>("schedules.create", { flowId: id, spec: { every: "15m", params: { who: "Bob" } } });
  await call("schedules.setActive", { id: paused.id, active: false });
  await call("flows.setPolicy", { flowName: GREET.name, policy: { overlap: "queue", maxConcurrentRuns: 2 } });

  const exported = await call<{ source: string }>("flows.export", { id });
  expect(exported.source).toContain('{ name: "mornings", active: true, cron: "0 9 * * 1-5", timezone: "Europe/Paris", params: { who: "Ada" } }');
  expect(exported.source).toContain("if (import.meta.main) await runFromCommandLine(dailyGreeting, { serve: serveOptions });");
  const parsed = parseFlowSource(exported.source);
  expect(parsed.ok && parsed.graph.serve?.policy).toEqual({ overlap: "queue", maxConcurrentRuns: 2 });
  // The saved file itself stays free of them: the app keeps schedules in one place.
  expect(readFileSync(`${t.flowsDir}/${id}.ts`, "utf8")).not.toContain("serveOptions");

  const imported = await call<{ id: string; file: string }>("flows.import", { fileName: "greeting-copy.ts", source: exported.source.replaceAll("daily greeting", "greeting copy") });
  const schedules = (await call<{ schedules: Array<{ name: string; active: boolean; flowId: string; nextTimes: number[] }> }>("schedules.list", { flowName: "greeting copy" })).schedules;
  expect(schedules.map((s) => [s.name, s.active, s.flowId])).toEqual([
    ["mornings", true, imported.id],
    ["every 15m", false, imported.id],
  ]);
  expect(schedules[0]!.nextTimes).toHaveLength(5);
  expect(await call("flows.policy", { flowName: "greeting copy" })).toEqual({ flowName: "greeting copy", overlap: "queue", maxConcurrentRuns: 2 });
  expect(readFileSync(imported.file, "utf8")).not.toContain("serveOptions");
});

it("refuses an import whose schedule params do not fit the flow, saving nothing", async () => {
  t = await startTestHost();
  const { id } = await call<{ id: string }>("flows.save", { graph: GREET });
  await call("schedules.create", { flowId: id, spec: { cron: "0 9 * * *", timezone: "UTC", params: { who: "Ada" } } });
  const source = (await call<{ source: string }>("flows.export", { id })).source.replace('params: { who: "Ada" }', "params: { who: 42 }").replaceAll("daily greeting", "broken copy");
  const answer = await t.host.dispatch("flows.import", { fileName: "broken.ts", source }, { transport: "direct", mayMutate: true });
  expect(answer.ok).toBe(false);
  expect(!answer.ok && answer.error.message).toBe("Invalid schedule: params for flow 'broken copy': who: must be a string, not number 42");
  expect((await call<{ schedules: unknown[] }>("schedules.list", { flowName: "broken copy" })).schedules).toEqual([]);
  expect((await call<{ flows: Array<{ id: string }> }>("flows.list", {})).flows.map((f) => f.id)).toEqual([id]);
});

it("a renamed flow keeps its schedules, webhook, policy and the automations about it", async () => {
  t = await startTestHost();
  const { id } = await call<{ id: string }>("flows.save", { graph: GREET });
  await call("schedules.create", { flowId: id, spec: { name: "mornings", cron: "0 9 * * *", timezone: "UTC", params: { who: "Ada" } } });
  const hook = await call<{ id: string }>("triggers.create", { flowId: id, config: { kind: "webhook" } });
  await call("flows.setPolicy", { flowName: GREET.name, policy: { overlap: "parallel", maxConcurrentRuns: 3 } });
  await call("automations.create", { name: "again", when: { kind: "flow-run-state", flowName: GREET.name, states: ["FAILED"] }, then: { kind: "start-flow", flowId: id, params: { who: "again" } } });

  const renamed = await call<{ id: string; name: string }>("flows.rename", { id, name: "hello there" });
  expect(renamed).toMatchObject({ id: "hello-there", name: "hello there" });
  const schedules = (await call<{ schedules: Array<{ name: string; flowId: string }> }>("schedules.list", { flowName: "hello there" })).schedules;
  expect(schedules.map((s) => [s.name, s.flowId])).toEqual([["mornings", "hello-there"]]);
  expect((await call<{ triggers: Array<{ id: string; flowId: string }> }>("triggers.list", { flowName: "hello there" })).triggers).toMatchObject([{ id: hook.id, flowId: "hello-there" }]);
  expect(await call("flows.policy", { flowName: "hello there" })).toEqual({ flowName: "hello there", overlap: "parallel", maxConcurrentRuns: 3 });
  const [rule] = (await call<{ automations: Array<{ when: { flowName?: string }; then: { flowId?: string } }> }>("automations.list", {})).automations;
  expect([rule!.when.flowName, rule!.then.flowId]).toEqual(["hello there", "hello-there"]);
});
