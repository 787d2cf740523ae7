/** `flowbench server` as a user starts it: prints the URL and token, serves, stops cleanly on Ctrl-C. */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { childEnv } from "../helpers/history.ts";
import { cli, finished, nodeArgs, ROOT } from "../helpers/spawn.ts";

const home = mkdtempSync(join(tmpdir(), "flowbench-server-cli-"));
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe("flowbench server", () => {
  it("prints its URL and token, serves the API, and exits 0 on Ctrl-C", async () => {
    const child = spawn(process.execPath, nodeArgs(resolve(ROOT, "src-main/cli/bin.ts"), "server", "--port", "0"), { env: childEnv(home), stdio: ["ignore", "pipe", "pipe"] });
    const done = finished(child, 30_000);
    let out = "";
    const url = await new Promise<string>((resolveUrl, reject) => {
      child.stdout!.on("data", (d: Buffer) => {
        out += d.toString();
        const match = /Flowbench server: (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (match && out.includes("token")) resolveUrl(match[1]!);
      });
      child.on("exit", () => reject(new Error(`server exited: ${out}`)));
    });
    const token = /x-flowbench-token\): ([0-9a-f]+)/.exec(out)![1]!;
    const info = (await (await fetch(`${url}/api/call/app.info`, { method: "POST", body: "{}" })).json()) as { ok: boolean; result: { home: string } };
    expect(info).toMatchObject({ ok: true, result: { home } });
    const save = await fetch(`${url}/api/call/flows.import`, { method: "POST", headers: { "x-flowbench-token": token }, body: JSON.stringify({ fileName: "x.ts", source: "export {};\n" }) });
    expect(save.status).toBe(200);
    child.kill("SIGINT");
    const ended = await done;
    expect(ended.code, ended.stderr).toBe(0);
  });

  it("says in one line when its port is taken", async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, "127.0.0.1", r));
    const port = (blocker.address() as { port: number }).port;
    try {
      const r = await cli(["server", "--port", String(port)], childEnv(home));
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toBe(`flowbench: Port ${port} is in use (another flowbench server?); choose another with --port`);
    } finally {
      blocker.close();
    }
  });

  it("refuses to listen beyond loopback without a token, and bad ports", async () => {
    expect((await cli(["server", "--host", "0.0.0.0", "--port", "0"], childEnv(home))).stderr).toContain("pass --token");
    expect((await cli(["server", "--port", "http"], childEnv(home))).stderr.trim()).toBe("flowbench: --port must be a whole number from 0 to 65535, not 'http'");
  });
});
