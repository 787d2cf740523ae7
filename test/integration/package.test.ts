import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { childEnv } from "../helpers/history.ts";
import { ROOT, run } from "../helpers/spawn.ts";

// The package as users get it: `npm pack`, installed into a fresh project, with no source in reach.
const work = mkdtempSync(join(tmpdir(), "flowbench-pack-"));
const project = join(work, "project");
let files: string[] = [];

const npm = (args: string[], cwd: string) => execFileSync("npm", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false" } });

beforeAll(() => {
  const [packed] = JSON.parse(npm(["pack", "--json", "--pack-destination", work], ROOT)) as Array<{ filename: string; files: Array<{ path: string }> }>;
  files = packed!.files.map((f) => f.path);
  execFileSync("mkdir", ["-p", project]);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "my-flows", private: true, type: "module" }, null, 2));
  npm(["install", "--prefer-offline", "--no-audit", "--no-fund", join(work, packed!.filename)], project);
}, 240_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the flowbench package", () => {
  it("ships built JavaScript with declarations, and no tests or TypeScript sources", () => {
    expect(files).toContain("dist/src-main/sdk.js");
    expect(files).toContain("dist/src-main/sdk.d.ts");
    expect(files).toContain("dist/src-main/cli/bin.js");
    expect(files).toContain("dist/shared/sdk/index.js");
    // `flowbench server` from the package serves the editor.
    expect(files).toContain("dist/renderer/index.html");
    expect(files.filter((f) => /\.test\./.test(f))).toEqual([]);
    expect(files.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))).toEqual([]);
  });

  it("runs `node flow.ts` in a fresh project and records the run in SQLite", async () => {
    writeFileSync(
      join(project, "flow.ts"),
      `import { flow, task, getLogger, type State } from "flowbench";

const double = task({ retries: 1 }, async function double(n: number): Promise<number> {
  getLogger().info(\`doubling \${n}\`);
  return n * 2;
});

export const sum = flow({ name: "sum" }, async function sum(params: { values: number[] }) {
  const doubled = await Promise.all(double.map(params.values));
  return doubled.reduce((a, b) => a + b, 0);
});

const state: State<number> = await sum.run([{ values: [1, 2, 3] }], { returnState: true });
console.log("result", state.type, state.result);
`,
    );
    const env = childEnv(join(project, ".flowbench"), { FLOWBENCH_LOG_LEVEL: "info" });
    const result = await run(["flow.ts"], { cwd: project, env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("result COMPLETED 12");
    expect(result.stdout).toMatch(/Task run 'double-\w+' - doubling 3/);
    expect(readdirSync(join(project, ".flowbench"))).toContain("flowbench.db");

    const listed = await run([join(project, "node_modules/flowbench/dist/src-main/cli/bin.js"), "runs", "ls", "--json"], { cwd: project, env });
    expect(listed.code, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout)).toMatchObject([{ flowName: "sum", stateType: "COMPLETED" }]);
  });

  it("type-checks a user's flow against the shipped declarations", () => {
    writeFileSync(
      join(project, "tsconfig.json"),
      JSON.stringify({ compilerOptions: { module: "nodenext", target: "es2023", strict: true, noEmit: true, allowImportingTsExtensions: true, types: ["node"], typeRoots: [join(ROOT, "node_modules/@types")] }, files: ["flow.ts", "typed.ts"] }),
    );
    writeFileSync(
      join(project, "typed.ts"),
      `import { flow, task } from "flowbench";
const add = task(async (a: number, b: number) => a + b);
export const f = flow(async () => {
  const x: number = await add(1, add.submit(2, 3));
  // @ts-expect-error a string is not a number
  await add("1", 2);
  return x;
});
`,
    );
    const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
    let output = "";
    try {
      execFileSync(process.execPath, [tsc, "-p", project], { encoding: "utf8" });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout);
    }
    expect(output).toBe("");
  });

  it("compiles a graph with the installed CLI, type-checks it, and runs the file with node", async () => {
    const env = childEnv(join(project, ".flowbench"));
    const bin = join(project, "node_modules/flowbench/dist/src-main/cli/bin.js");
    const compiled = await run([bin, "graph", "compile", join(ROOT, "test/fixtures/graphs/etl-orders.json"), "--out", join(project, "etl.ts")], { cwd: project, env });
    expect(compiled.code, compiled.stderr).toBe(0);
    const checked = await run([bin, "graph", "check", "etl.ts"], { cwd: project, env });
    expect(checked.code, checked.stderr).toBe(0);
    const ran = await run(["etl.ts", "--params", '{"since":"2026-01-01"}'], { cwd: project, env });
    expect(ran.code, ran.stderr).toBe(0);
    expect(JSON.parse(ran.stdout)).toEqual([{ customer: "Ada Lovelace", total: 38 }, { customer: "Bob Kahn", total: 12 }]);
  });
});
