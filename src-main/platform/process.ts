import { readFileSync } from "node:fs";
import { hostname } from "node:os";
import type { ProcessOwner } from "../../shared/store/types.ts";

/** How far a live process's start may lag the recorded one before we call it a different process. */
const START_TOLERANCE_MS = 2000;
/** Linux clock ticks per second (`getconf CLK_TCK`); 100 on every mainstream kernel config. */
const CLK_TCK = 100;

/** This process, recorded on the runs it executes. */
export function currentOwner(): ProcessOwner {
  return { pid: process.pid, host: hostname(), startedAt: Math.round(Date.now() - process.uptime() * 1000) };
}

/**
 * Whether the process that owned a run may still be running. Errs on "alive":
 * a run is only crashed when we are sure its process is gone.
 */
export function isOwnerAlive(owner: ProcessOwner): boolean {
  // Another machine's processes are invisible from here.
  if (owner.host !== hostname()) return true;
  // kill(0 or negative) would signal a whole process group: such an owner cannot be real.
  if (!Number.isInteger(owner.pid) || owner.pid <= 0) return false;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code !== "ESRCH";
  }
  const started = linuxStartTime(owner.pid);
  // A process that started well after the recorded one reuses the pid.
  return started === undefined || started <= owner.startedAt + START_TOLERANCE_MS;
}

/** Start time (ms since epoch) of a pid from /proc, or undefined where /proc is unavailable. */
export function linuxStartTime(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) is parenthesised and may hold spaces or ')': split after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const startTicks = Number(fields[22 - 3]);
    const bootSeconds = bootTime();
    if (!Number.isFinite(startTicks) || bootSeconds === undefined) return undefined;
    return bootSeconds * 1000 + (startTicks * 1000) / CLK_TCK;
  } catch {
    return undefined;
  }
}

/** Boot time in seconds since the epoch; read each time because it moves when the wall clock is stepped. */
function bootTime(): number | undefined {
  const match = /^btime (\d+)$/m.exec(readFileSync("/proc/stat", "utf8"));
  return match ? Number(match[1]) : undefined;
}
