/** `flowbench server` as users start it: its own process, a temp FLOWBENCH_HOME, port 0. */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { nodeArgs, ROOT } from "./spawn.ts";

export interface ServerProcess {
  url: string;
  token: string;
  home: string;
  flowsDir: string;
  child: ChildProcess;
  close(): Promise<void>;
}

export async function startServerProcess(): Promise<ServerProcess> {
  const home = mkdtempSync(join(tmpdir(), "flowbench-e2e-"));
  const child = spawn(process.execPath, nodeArgs(join(ROOT, "src-main/cli/bin.ts"), "server", "--port", "0"), {
    cwd: ROOT,
    env: { ...process.env, FLOWBENCH_HOME: home, NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
  const started = await new Promise<{ url: string; token: string; flowsDir: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`flowbench server did not start in 30 s; stderr: ${err}`)), 30_000);
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const url = /Flowbench server: (\S+)/.exec(out)?.[1];
      const token = /x-flowbench-token\): (\S+)/.exec(out)?.[1];
      const flowsDir = /Flows: (.+)/.exec(out)?.[1];
      if (url && token && flowsDir) {
        clearTimeout(timer);
        resolve({ url, token, flowsDir: flowsDir.trim() });
      }
    });
    child.on("exit", (code) => reject(new Error(`flowbench server exited with ${code}; stderr: ${err}`)));
  });
  return {
    ...started,
    home,
    child,
    close: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGINT");
        await exited;
      }
      rmSync(home, { recursive: true, force: true });
    },
  };
}
