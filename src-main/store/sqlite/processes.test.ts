import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, expect, it } from "vitest";
import { openSqliteStore } from "./open.ts";

const WRITERS = 4;
const BATCHES = 25;
const PER_BATCH = 1000;

/** Runs in each child (plain JS: Node strips the types of the .ts modules it imports). */
const CHILD = `
const [modulePath, file, who, batches, perBatch] = process.argv.slice(1);
const { openSqliteStore } = await import(modulePath);
const store = openSqliteStore(file);
for (let b = 0; b < Number(batches); b++) {
  const logs = [];
  for (let i = 0; i < Number(perBatch); i++) {
    logs.push({ flowRunId: "run-" + who, taskRunId: null, level: 20, timestamp: Date.now(), message: who + "-" + b + "-" + i });
  }
  const run = {
    id: "run-" + who, name: who, flowName: "f", flowVersion: null, parentFlowRunId: null, parentTaskRunId: null,
    parameters: "{}", tags: [], stateType: "RUNNING", stateName: "Running", stateMessage: null, createdAt: 1,
    startTime: null, endTime: null, runCount: b + 1, error: null, resultPreview: null, owner: null,
  };
  store.write({ flows: [], flowRuns: [run], taskRuns: [], states: [], logs, results: [], cache: [] });
}
store.close();
`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "flowbench-procs-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

it(`takes concurrent batches from ${WRITERS} processes on a fresh file without SQLITE_BUSY`, { timeout: 20_000 }, async () => {
  const file = join(dir, "runs.db");
  const modulePath = fileURLToPath(new URL("./open.ts", import.meta.url));
  // All start at once on a file that does not exist yet, so they also race to create and migrate it.
  const children = Array.from({ length: WRITERS }, (_, who) => {
    const child = spawn(
      process.execPath,
      ["--input-type=module", "-e", CHILD, modulePath, file, String(who), String(BATCHES), String(PER_BATCH)],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    return once(child, "exit").then(([code]) => ({ code, stderr }));
  });
  const results = await Promise.all(children);
  expect(results).toEqual(Array.from({ length: WRITERS }, () => ({ code: 0, stderr: "" })));

  const store = openSqliteStore(file);
  try {
    for (let who = 0; who < WRITERS; who++) {
      const messages: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await store.listLogs({ flowRunId: `run-${who}`, limit: 10_000, cursor });
        messages.push(...page.items.map((l) => l.message));
        cursor = page.nextCursor;
      } while (cursor);
      expect(messages).toHaveLength(BATCHES * PER_BATCH);
      // Each writer's logs come back in the order it wrote them.
      expect(messages[PER_BATCH]).toBe(`${who}-1-0`);
      expect(messages.at(-1)).toBe(`${who}-${BATCHES - 1}-${PER_BATCH - 1}`);
      expect((await store.getFlowRun(`run-${who}`))!.runCount).toBe(BATCHES);
    }
  } finally {
    store.close();
  }
});
