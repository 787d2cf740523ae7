import { afterAll, describe, expect, it } from "vitest";
import { childEnv, useTempHistory } from "../helpers/history.ts";
import { cli } from "../helpers/spawn.ts";

const history = useTempHistory();
afterAll(() => history[Symbol.asyncDispose]());
const env = childEnv(history.dir);

describe("flowbench limit", () => {
  it("sets, lists and removes tag concurrency limits in the shared history", async () => {
    let r = await cli(["limit", "ls"], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("No concurrency limits");

    r = await cli(["limit", "set", "db", "2"], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe("Tag 'db': at most 2 task runs at once\n");
    expect((await cli(["limit", "set", "api", "1"], env)).code).toBe(0);
    // Another process (this one) sees what the CLI stored.
    expect((await history.store.listConcurrencyLimits!()).map((l) => [l.tag, l.limit])).toEqual([["api", 1], ["db", 2]]);

    await history.store.acquireConcurrencySlots!({ tags: ["db"], taskRunId: "run-1", owner: { pid: process.pid, host: "x", startedAt: 0 }, now: 1 });
    r = await cli(["limit", "ls"], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/TAG\s+LIMIT\s+ACTIVE\s+HELD BY/);
    expect(r.stdout).toMatch(/db\s+2\s+1\/2\s+run-1/);
    expect(r.stdout).toMatch(/api\s+1\s+0\/1\s+-/);

    r = await cli(["limit", "ls", "--json"], env);
    expect(r.code, r.stderr).toBe(0);
    const listed = JSON.parse(r.stdout) as Array<{ tag: string; limit: number; holders: Array<{ taskRunId: string }> }>;
    expect(listed.map((l) => ({ tag: l.tag, limit: l.limit, holders: l.holders.map((h) => h.taskRunId) }))).toEqual([
      { tag: "api", limit: 1, holders: [] },
      { tag: "db", limit: 2, holders: ["run-1"] },
    ]);

    r = await cli(["limit", "set", "db", "5"], env);
    expect(r.code, r.stderr).toBe(0);
    r = await cli(["limit", "rm", "api"], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe("Removed the concurrency limit of tag 'api'\n");
    expect((await history.store.listConcurrencyLimits!()).map((l) => [l.tag, l.limit])).toEqual([["db", 5]]);
  }, 60_000);

  it("refuses bad input with one line naming the problem and a non-zero exit", async () => {
    const cases: Array<[string[], RegExp]> = [
      [["limit", "set", "db", "0"], /^flowbench: The limit must be a positive whole number, not '0'\n$/],
      [["limit", "set", "db", "1.5"], /^flowbench: The limit must be a positive whole number, not '1.5'\n$/],
      [["limit", "set", "db", "many"], /^flowbench: The limit must be a positive whole number, not 'many'\n$/],
      [["limit", "set", " ", "1"], /^flowbench: The tag must not be empty\n$/],
      [["limit", "rm", "nothing"], /^flowbench: No concurrency limit on tag 'nothing'/],
    ];
    for (const [args, message] of cases) {
      const r = await cli(args, env);
      expect(r.code, args.join(" ")).not.toBe(0);
      expect(r.stderr, args.join(" ")).toMatch(message);
    }
    const missing = await cli(["limit", "set", "db"], env);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/missing required argument 'n'/);
  }, 60_000);
});
