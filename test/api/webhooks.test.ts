/**
 * Webhooks against `flowbench server` as users start it: a valid POST starts a
 * run with the body as its parameters; bad bodies get a 4xx naming the field;
 * unknown, wrong and inactive URLs the same 404; rotating the secret retires the
 * old URL; any Origin may call a webhook, but nothing else loosens.
 */
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TriggerRecord } from "../../shared/schedule/records.ts";
import { oneTaskFlow } from "../helpers/one-task-flow.ts";
import { startServerProcess, type ServerProcess } from "../helpers/server-process.ts";

/** Typed parameters: a required string and a number with a default. */
const GREET = oneTaskFlow({
  name: "greet from hook",
  params: [
    { name: "name", type: "string" },
    { name: "times", type: "number", default: 1 },
  ],
  task: { id: "greet", title: "Greet", output: "string", code: "return `hello ${name} `.repeat(times).trim();" },
});

let server: ServerProcess;
let port: number;
let flowId: string;
let trigger: TriggerRecord;

interface Answer {
  status: number;
  json: Record<string, unknown> & { ok?: boolean; runId?: string; result?: unknown; error?: { code: string; message: string } };
}

/** node:http, so Origin and Host are ours to set. */
function post(path: string, body: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, method: "POST", headers: { "content-type": "application/json", ...headers } }, (res) => {
      let text = "";
      res.on("data", (c: Buffer) => (text += c.toString()));
      res.on("end", () => {
        let json: Answer["json"] = {};
        try {
          json = JSON.parse(text) as Answer["json"];
        } catch {
          // Not JSON: left empty.
        }
        resolve({ status: res.statusCode ?? 0, json });
      });
    });
    req.on("error", reject);
    req.end(body);
  });
}

async function call<T>(method: string, input: unknown): Promise<T> {
  const answer = await post(`/api/call/${method}`, JSON.stringify(input), { "x-flowbench-token": server.token });
  if (!answer.json.ok) throw new Error(`${method}: ${JSON.stringify(answer.json.error)}`);
  return answer.json.result as T;
}

const hookUrl = (t: TriggerRecord) => `/hooks/${t.id}/${t.secret}`;

async function finished(runId: string): Promise<{ stateType: string; parameters: string; resultPreview: string | null }> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { run } = await call<{ run: { stateType: string; parameters: string; resultPreview: string | null } }>("runs.get", { runId });
    if (["COMPLETED", "FAILED", "CRASHED", "CANCELLED"].includes(run.stateType)) return run;
    if (Date.now() > deadline) throw new Error(`run ${runId} still ${run.stateType}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  server = await startServerProcess();
  port = Number(new URL(server.url).port);
  flowId = (await call<{ id: string }>("flows.save", { graph: GREET })).id;
  trigger = await call<TriggerRecord>("triggers.create", { flowId, config: { kind: "webhook" } });
});
afterAll(async () => {
  await server?.close();
});

describe("webhooks", () => {
  it("creates a webhook with a long random secret", () => {
    expect(trigger).toMatchObject({ flowId, flowName: "greet from hook", active: true, config: { kind: "webhook" } });
    expect(trigger.secret).toMatch(/^[\w-]{43}$/);
  });

  it("starts a run with the body as its parameters, which completes", async () => {
    const answer = await post(hookUrl(trigger), JSON.stringify({ name: "Ada", times: 2 }));
    expect(answer.status).toBe(202);
    expect(answer.json.runId).toEqual(expect.any(String));
    const run = await finished(answer.json.runId!);
    expect(run.stateType).toBe("COMPLETED");
    expect(JSON.parse(run.parameters)).toEqual({ name: "Ada", times: 2 });
    expect(run.resultPreview).toBe(JSON.stringify("hello Ada hello Ada"));
  });

  it("refuses a body the flow's parameters do not take, naming the field", async () => {
    const wrongType = await post(hookUrl(trigger), JSON.stringify({ name: 42 }));
    expect(wrongType.status).toBe(422);
    expect(wrongType.json.error?.message).toMatch(/name: must be a string, not number 42/);
    const missing = await post(hookUrl(trigger), JSON.stringify({ times: 3 }));
    expect(missing.status).toBe(422);
    expect(missing.json.error?.message).toMatch(/name: is required/);
    const unknown = await post(hookUrl(trigger), JSON.stringify({ name: "x", colour: "red" }));
    expect(unknown.status).toBe(422);
    expect(unknown.json.error?.message).toMatch(/colour: the flow has no parameter 'colour'/);
    const notJson = await post(hookUrl(trigger), "{ nope");
    expect(notJson.status).toBe(400);
    expect(notJson.json.error?.message).toMatch(/not valid JSON/);
  });

  it("answers an unknown id, a wrong secret and an inactive trigger with the same 404", async () => {
    const body = JSON.stringify({ name: "x" });
    const unknown = await post(`/hooks/nope/${trigger.secret}`, body);
    const wrong = await post(`/hooks/${trigger.id}/${"A".repeat(43)}`, body);
    const short = await post(`/hooks/${trigger.id}/abc`, body);
    // Not even a bad body tells a caller without the secret anything.
    const wrongAndBad = await post(`/hooks/${trigger.id}/abc`, "{ nope");
    await call("triggers.setActive", { id: trigger.id, active: false });
    const inactive = await post(hookUrl(trigger), body);
    await call("triggers.setActive", { id: trigger.id, active: true });
    for (const answer of [unknown, wrong, short, wrongAndBad, inactive]) {
      expect(answer.status).toBe(404);
      expect(answer.json).toEqual(unknown.json);
    }
    expect((await post(hookUrl(trigger), body)).status).toBe(202);
  });

  it("rotating the secret retires the old URL at once", async () => {
    const rotated = await call<TriggerRecord>("triggers.rotateSecret", { id: trigger.id });
    expect(rotated.secret).not.toBe(trigger.secret);
    expect((await post(hookUrl(trigger), JSON.stringify({ name: "old" }))).status).toBe(404);
    const fresh = await post(hookUrl(rotated), JSON.stringify({ name: "new" }));
    expect(fresh.status).toBe(202);
    expect(JSON.parse((await finished(fresh.json.runId!)).parameters)).toEqual({ name: "new" });
    trigger = rotated;
  });

  it("takes webhooks from any Origin, while other mutations from that Origin stay refused", async () => {
    const origin = { origin: "https://ci.example.com" };
    const hook = await post(hookUrl(trigger), JSON.stringify({ name: "from CI" }), origin);
    expect(hook.status).toBe(202);
    const mutation = await post("/api/call/runs.start", JSON.stringify({ flowId }), { ...origin, "x-flowbench-token": server.token });
    expect(mutation.status).toBe(403);
    // The Host check still applies to webhooks.
    const rebound = await post(hookUrl(trigger), JSON.stringify({ name: "x" }), { host: `evil.example:${port}` });
    expect(rebound.status).toBe(403);
  });

  it("lists, refuses file triggers it could never run, and deletes", async () => {
    const { triggers } = await call<{ triggers: TriggerRecord[] }>("triggers.list", { flowName: "greet from hook" });
    expect(triggers.map((t) => t.id)).toEqual([trigger.id]);
    const answer = await post("/api/call/triggers.create", JSON.stringify({ flowId, config: { kind: "file", folder: server.home, glob: "*.csv", param: "path" } }), { "x-flowbench-token": server.token });
    expect(answer.status).toBe(400);
    expect(answer.json.error?.message).toMatch(/config\.param: flow 'greet from hook' has no parameter 'path' \(it has name, times\)/);
    const relative = await post("/api/call/triggers.create", JSON.stringify({ flowId, config: { kind: "file", folder: "in", glob: "*.csv", param: "name" } }), { "x-flowbench-token": server.token });
    expect(relative.json.error?.message).toMatch(/config\.folder: must be an absolute path/);
    const badGlob = await post("/api/call/triggers.create", JSON.stringify({ flowId, config: { kind: "file", folder: server.home, glob: "{a,b", param: "name" } }), { "x-flowbench-token": server.token });
    expect(badGlob.json.error?.message).toMatch(/config\.glob: .*never closed/);
    await call("triggers.delete", { id: trigger.id });
    expect((await post(hookUrl(trigger), JSON.stringify({ name: "x" }))).status).toBe(404);
  });
});
