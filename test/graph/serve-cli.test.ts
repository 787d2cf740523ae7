/**
 * A compiled flow with serve options: `node file.ts` still runs it once;
 * `--serve` hands the options to the flow's serve(), or says clearly that
 * this SDK has none.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import type { Flow } from "../../shared/sdk/flow.ts";
import type { ServeOptions } from "../../shared/sdk/serve-options.ts";
import { runFromCommandLine } from "../../src-main/sdk/command-line.ts";
import { childEnv } from "../helpers/history.ts";
import { nodeArgs, ROOT, run } from "../helpers/spawn.ts";

const home = mkdtempSync(join(tmpdir(), "flowbench-serve-cli-"));
afterAll(() => rmSync(home, { recursive: true, force: true }));

const options: ServeOptions = { schedules: [{ every: "15m", params: { amount: 2 } }], policy: { overlap: "queue" } };

function fakeFlow(serve?: (options: ServeOptions) => Promise<void>) {
  const target = { flowName: "fake", run: vi.fn(async () => ({ type: "COMPLETED", name: "Completed", result: 42 })), ...(serve ? { serve: vi.fn(serve) } : {}) };
  return target as typeof target & Flow<[], number>;
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => (err.push(String(chunk)), true));
  return { out, err };
}

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe("runFromCommandLine with serve options", () => {
  it("serves with the options on --serve, without running the flow", async () => {
    const target = fakeFlow(async () => {});
    await runFromCommandLine(target, { serve: options, argv: ["--serve"] });
    expect(target.serve).toHaveBeenCalledWith(options);
    expect(target.run).not.toHaveBeenCalled();
  });

  it("says serve() is missing, with exit code 2, when the flow has none", async () => {
    const io = capture();
    const target = fakeFlow();
    await runFromCommandLine(target, { serve: options, argv: ["--serve"] });
    expect(io.err.join("")).toBe("flowbench: serve() is not available in this version\n");
    expect(process.exitCode).toBe(2);
    expect(target.run).not.toHaveBeenCalled();
  });

  it("runs the flow once without --serve, with or without options", async () => {
    const io = capture();
    const target = fakeFlow(async () => {});
    await runFromCommandLine(target, { serve: options, argv: ["--params", '{"amount":3}'] });
    await runFromCommandLine(target, { argv: ["--serve"] });
    expect(target.run).toHaveBeenNthCalledWith(1, [{ amount: 3 }], { returnState: true });
    expect(target.run).toHaveBeenCalledTimes(2);
    expect(target.serve).not.toHaveBeenCalled();
    expect(io.out.join("")).toBe("42\n42\n");
  });
});

describe("the scheduled golden file", () => {
  it("runs its flow once with node, as any flow file", async () => {
    const result = await run(nodeArgs(join(ROOT, "test/fixtures/graphs/scheduled.ts"), "--params", JSON.stringify({ amount: 4 })), { env: childEnv(home) });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toBe(8);
  });
});
