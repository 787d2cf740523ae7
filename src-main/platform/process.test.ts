import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { hostname } from "node:os";
import { describe, it, expect, afterEach } from "vitest";
import { currentOwner, isOwnerAlive, linuxStartTime } from "./process.ts";

const onLinux = process.platform === "linux";
const children: ChildProcess[] = [];

async function spawnSleeper(): Promise<{ child: ChildProcess; startedAt: number }> {
  const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
  children.push(child);
  await once(child, "spawn");
  return { child, startedAt: Date.now() };
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

describe("currentOwner", () => {
  it("describes this process", () => {
    const owner = currentOwner();
    expect(owner.pid).toBe(process.pid);
    expect(owner.host).toBe(hostname());
    expect(owner.startedAt).toBeLessThanOrEqual(Date.now());
    expect(Number.isInteger(owner.startedAt)).toBe(true);
    expect(isOwnerAlive(owner)).toBe(true);
  });

  it.runIf(onLinux)("agrees with /proc on when this process started", () => {
    const fromProc = linuxStartTime(process.pid);
    expect(fromProc).toBeDefined();
    // btime has one-second resolution, hence the loose bound.
    expect(Math.abs(currentOwner().startedAt - fromProc!)).toBeLessThan(1500);
  });
});

describe("isOwnerAlive", () => {
  it("is true for a running child and false once it is killed", async () => {
    const { child, startedAt } = await spawnSleeper();
    const owner = { pid: child.pid!, host: hostname(), startedAt };
    expect(isOwnerAlive(owner)).toBe(true);
    child.kill("SIGKILL");
    // 'exit' fires after libuv reaped it, so it is not a zombie any more.
    await once(child, "exit");
    expect(isOwnerAlive(owner)).toBe(false);
  });

  it.runIf(onLinux)("treats a live pid that started clearly later than recorded as a reused pid", async () => {
    const { child, startedAt } = await spawnSleeper();
    const pid = child.pid!;
    expect(isOwnerAlive({ pid, host: hostname(), startedAt: startedAt - 60_000 })).toBe(false);
    // Within the tolerance (clock-tick and btime rounding) it is the same process.
    expect(isOwnerAlive({ pid, host: hostname(), startedAt: startedAt - 1000 })).toBe(true);
  });

  it("assumes processes on other hosts are alive", () => {
    expect(isOwnerAlive({ pid: 999_999_999, host: `not-${hostname()}`, startedAt: 0 })).toBe(true);
  });

  it("rejects pids that would address process groups", () => {
    expect(isOwnerAlive({ pid: 0, host: hostname(), startedAt: 0 })).toBe(false);
    expect(isOwnerAlive({ pid: -1, host: hostname(), startedAt: 0 })).toBe(false);
  });
});
