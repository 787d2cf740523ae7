/** A real API host on a temp home: SQLite history, flow files, the worker-thread engine. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createEngine } from "../../src-main/engine/engine.ts";
import { ensureWorkspace } from "../../src-main/graph/workspace.ts";
import { createHost, type Host } from "../../src-main/host/index.ts";

export interface TestHost {
  host: Host;
  home: string;
  flowsDir: string;
  close(): Promise<void>;
}

export async function startTestHost(options: { pollMs?: number } = {}): Promise<TestHost> {
  const home = mkdtempSync(join(tmpdir(), "flowbench-host-"));
  const flowsDir = join(home, "flows");
  ensureWorkspace(flowsDir);
  const host = await createHost({ home, flowsDir, engine: (o) => createEngine({ ...o, cancelGraceMs: 500 }), pollMs: options.pollMs ?? 100 });
  return {
    host,
    home,
    flowsDir,
    close: async () => {
      await host.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}
