import { appendFileSync, chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FolderWatch } from "./file-watch.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let dir: string;
let watch: FolderWatch | undefined;
let started: Array<{ path: string; at: number }>;
let logs: string[];
/** What each started "run" does, and when it ends. */
let onRun: (path: string) => Promise<void>;

function startWatch(glob = "**/*.csv", debounceMs = 150): FolderWatch {
  watch = new FolderWatch({
    folder: dir,
    glob,
    debounceMs,
    onFile: async (path) => {
      started.push({ path, at: Date.now() });
      return { ended: onRun(path) };
    },
    log: (m) => logs.push(m),
  });
  expect(watch.start()).toBe(true);
  return watch;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "flowbench-watch-"));
  started = [];
  logs = [];
  onRun = async () => undefined;
});
afterEach(() => {
  watch?.close();
  watch = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe("folder watches", () => {
  it("starts one run per new file that matches, with its absolute path, and none for files already there", async () => {
    writeFileSync(join(dir, "old.csv"), "a,b\n");
    startWatch();
    writeFileSync(join(dir, "new.csv"), "a,b\n1,2\n");
    writeFileSync(join(dir, "note.txt"), "not a csv");
    mkdirSync(join(dir, "in", "deep"), { recursive: true });
    await sleep(50);
    writeFileSync(join(dir, "in", "deep", "x.csv"), "1\n");
    await sleep(600);
    expect(started.map((s) => s.path).sort()).toEqual([join(dir, "in", "deep", "x.csv"), join(dir, "new.csv")]);
  });

  it("starts again when a file changes, but not for events that changed nothing", async () => {
    startWatch();
    const file = join(dir, "a.csv");
    writeFileSync(file, "1\n");
    await sleep(500);
    expect(started).toHaveLength(1);
    chmodSync(file, 0o600);
    await sleep(400);
    expect(started).toHaveLength(1);
    appendFileSync(file, "2\n");
    await sleep(500);
    expect(started).toHaveLength(2);
    // Same content, same size; a rewrite still moves mtime, so it is a new version.
    writeFileSync(file, "1\n2\n");
    await sleep(500);
    expect(started).toHaveLength(3);
  });

  it("waits until a file written in chunks has stopped changing", async () => {
    startWatch("*.csv", 250);
    const file = join(dir, "slow.csv");
    writeFileSync(file, "header\n");
    for (let i = 0; i < 6; i++) {
      await sleep(120);
      appendFileSync(file, `row ${i}\n`);
    }
    const done = Date.now();
    await sleep(800);
    expect(started).toHaveLength(1);
    expect(started[0]!.at).toBeGreaterThanOrEqual(done + 200);
  });

  it("does not start again for what a run writes to its own file while it runs", async () => {
    let finish!: () => void;
    onRun = async (path) => {
      // Processing in place: the run rewrites its file, twice, before it ends.
      await sleep(100);
      appendFileSync(path, "processed\n");
      await sleep(300);
      appendFileSync(path, "done\n");
      await new Promise<void>((r) => (finish = r));
    };
    startWatch();
    const file = join(dir, "a.csv");
    writeFileSync(file, "1\n");
    await sleep(1000);
    expect(started).toHaveLength(1);
    finish();
    await sleep(500);
    expect(started).toHaveLength(1);
    // A change after the run ended is a new version from someone else.
    appendFileSync(file, "more\n");
    await sleep(500);
    expect(started).toHaveLength(2);
  });

  it("logs a folder it cannot watch, and watches it once it exists", async () => {
    rmSync(dir, { recursive: true });
    watch = new FolderWatch({ folder: dir, glob: "*.csv", debounceMs: 100, onFile: async (path) => void started.push({ path, at: 0 }), log: (m) => logs.push(m) });
    expect(watch.start()).toBe(false);
    expect(watch.failed).toBe(true);
    expect(logs).toEqual([expect.stringContaining(`cannot watch ${dir}`)]);
    expect(watch.start()).toBe(false);
    expect(logs).toHaveLength(1);
    mkdirSync(dir);
    expect(watch.start()).toBe(true);
    writeFileSync(join(dir, "a.csv"), "1");
    await sleep(400);
    expect(started).toHaveLength(1);
    // Deleted while watched: noticed on the next check, logged once, and watched again once back.
    rmSync(dir, { recursive: true });
    await sleep(100);
    expect(watch.check()).toBe(false);
    expect(logs.at(-1)).toMatch(/the folder is gone/);
    mkdirSync(dir);
    expect(watch.check()).toBe(false);
    expect(watch.start()).toBe(true);
    writeFileSync(join(dir, "b.csv"), "1");
    await sleep(400);
    expect(started.map((s) => s.path)).toEqual([join(dir, "a.csv"), join(dir, "b.csv")]);
  });
});
