/** `flowbench schedule ...` and `flowbench trigger` on a temp FLOWBENCH_HOME with saved flows. */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openSqliteStore } from "flowbench";
import { afterAll, describe, expect, it } from "vitest";
import { childEnv } from "../helpers/history.ts";
import { cli, ROOT } from "../helpers/spawn.ts";

const home = mkdtempSync(join(tmpdir(), "flowbench-schedule-cli-"));
afterAll(() => rmSync(home, { recursive: true, force: true }));
const env = childEnv(home);
mkdirSync(join(home, "flows"));
for (const name of ["hello", "failing"]) copyFileSync(join(ROOT, "test/fixtures/graphs", `${name}.ts`), join(home, "flows", `${name}.ts`));

interface Listed {
  id: string;
  name: string;
  flowName: string;
  flowId: string | null;
  runner: string;
  active: boolean;
  catchUp: string;
  params: Record<string, unknown>;
  timing: { kind: string; timezone?: string };
  description: string;
  next: { at: number; timezone: string; inTimezone: string; local: string } | null;
}

async function list(): Promise<Listed[]> {
  const r = await cli(["schedule", "ls", "--json"], env);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Listed[];
}

/** What the history holds, read directly (quicker than another CLI process). */
async function stored() {
  const store = openSqliteStore(join(home, "flowbench.db"));
  try {
    return await store.automations!().listSchedules();
  } finally {
    await store.close();
  }
}

describe("flowbench schedule", () => {
  it("adds cron (with a zone), interval and one-off schedules, lists, pauses, resumes and removes them", { timeout: 180_000 }, async () => {
    const cron = await cli(["schedule", "add", "hello", "--cron", "0 9 * * 1-5", "--tz", "Europe/Paris", "--params", '{"name":"Ada"}', "--name", "weekday mornings"], env);
    expect(cron.code, cron.stderr).toBe(0);
    expect(cron.stdout).toContain("'weekday mornings' for flow 'hello': every weekday at 09:00, Europe/Paris; next ");
    const every = await cli(["schedule", "add", "hello", "--every", "15m", "--anchor", "2026-01-01T00:00:00Z", "--catch-up", "all"], env);
    expect(every.code, every.stderr).toBe(0);
    const at = await cli(["schedule", "add", "hello", "--at", "2099-01-01T09:00:00Z", "--json"], env);
    expect(at.code, at.stderr).toBe(0);
    expect(JSON.parse(at.stdout)).toMatchObject({ timing: { kind: "once", at: Date.UTC(2099, 0, 1, 9) }, next: { at: Date.UTC(2099, 0, 1, 9), timezone: "UTC" } });

    const listed = await list();
    expect(listed).toHaveLength(3);
    const byKind = Object.fromEntries(listed.map((s) => [s.timing.kind, s]));
    expect(byKind.cron).toMatchObject({ name: "weekday mornings", flowName: "hello", flowId: "hello", runner: "host", active: true, catchUp: "latest", params: { name: "Ada" }, timing: { timezone: "Europe/Paris" } });
    expect(byKind.cron!.next).toMatchObject({ timezone: "Europe/Paris", inTimezone: expect.stringMatching(/ 09:00$/) });
    expect(byKind.interval).toMatchObject({ name: "every 15m", catchUp: "all", description: "every 15 minutes from 2026-01-01 00:00 UTC" });
    expect(byKind.interval!.next!.at % 900_000).toBe(0);

    const table = await cli(["schedule", "ls"], env);
    expect(table.stdout).toContain("weekday mornings");
    expect(table.stdout).toContain("Europe/Paris");

    // A prefix that names one schedule is enough.
    const cronId = byKind.cron!.id;
    const paused = await cli(["schedule", "pause", cronId.slice(0, 30)], env);
    expect(paused.code, paused.stderr).toBe(0);
    expect((await list()).find((s) => s.id === cronId)).toMatchObject({ active: false, next: null });
    expect((await cli(["schedule", "resume", cronId], env)).code).toBe(0);
    expect((await list()).find((s) => s.id === cronId)).toMatchObject({ active: true });

    const removed = await cli(["schedule", "rm", byKind.once!.id], env);
    expect(removed.code, removed.stderr).toBe(0);
    expect((await list()).map((s) => s.id).sort()).toEqual([cronId, byKind.interval!.id].sort());
    const missing = await cli(["schedule", "rm", "no-such-id"], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe("flowbench: No schedule 'no-such-id' (list them with: flowbench schedule ls)");
  });

  it.each([
    ["a bad cron", ["--cron", "61 * * * *"], "flowbench: Invalid schedule: cron '61 * * * *': minute 61 is out of range (0-59)"],
    ["an unknown time zone", ["--cron", "0 9 * * *", "--tz", "Mars/Olympus"], "flowbench: Invalid schedule: timezone 'Mars/Olympus' is not an IANA time zone (e.g. Europe/Paris, America/New_York, UTC)"],
    ["params the flow rejects", ["--every", "1h", "--params", '{"name":3}'], "flowbench: Invalid schedule: params for flow 'hello': name: must be a string, not number 3"],
    ["a bad duration", ["--every", "soon"], /^flowbench: Invalid schedule: every: 'soon' is not a duration/],
    ["no timing", [], "flowbench: Give exactly one of --cron, --every or --at"],
    ["two timings", ["--every", "1h", "--at", "2099-01-01"], "flowbench: Give exactly one of --cron, --every or --at (not --every and --at)"],
    ["a bad catch-up", ["--every", "1h", "--catch-up", "some"], "flowbench: --catch-up must be one of skip, latest, all, not 'some'"],
  ])("refuses %s in one line with exit code 2 and saves nothing", { timeout: 60_000 }, async (_, args, expected) => {
    const before = await stored();
    const r = await cli(["schedule", "add", "hello", ...args], env);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split("\n");
    expect(lines, r.stderr).toHaveLength(1);
    if (typeof expected === "string") expect(lines[0]).toBe(expected);
    else expect(lines[0]).toMatch(expected);
    expect(await stored()).toEqual(before);
  });

  it("refuses a flow that is not in the workspace", async () => {
    const r = await cli(["schedule", "add", "nope", "--every", "1h"], env);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`flowbench: There is no flow 'nope' in ${join(home, "flows")}`);
  });
});

describe("flowbench trigger", () => {
  it("runs a workspace flow now and waits for it, printing the run id and final state", { timeout: 60_000 }, async () => {
    const r = await cli(["trigger", "hello", "--params", '{"name":"Bo"}'], env);
    expect(r.code, r.stderr).toBe(0);
    const runId = /Started flow run (\S+) of 'hello'/.exec(r.stdout)?.[1];
    expect(runId).toBeDefined();
    expect(r.stdout).toContain(`Flow run ${runId} of 'hello' finished in state Completed()`);
    // Like the app, it made the folder a workspace where `import "flowbench"` resolves.
    expect(existsSync(join(home, "flows", "node_modules", "flowbench"))).toBe(true);
    const shown = await cli(["runs", "show", runId!, "--json"], env);
    expect(JSON.parse(shown.stdout)).toMatchObject({ flowRun: { id: runId, stateType: "COMPLETED", parameters: '{"name":"Bo"}' } });
  });

  it("exits non-zero when the run fails, and 2 on parameters the flow does not declare", { timeout: 60_000 }, async () => {
    const failed = await cli(["trigger", "failing", "--params", '{"email":"nope"}'], env);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/of 'validate-input' finished in state Failed\(.*not an email address: nope/);
    const bad = await cli(["trigger", "hello", "--params", '{"nam":"Bo"}'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe("flowbench: Invalid parameters for flow 'hello': nam: the flow has no parameter 'nam' (it has name)");
  });
});
