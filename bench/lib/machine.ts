import os from "node:os";
import type { MachineInfo } from "./result.ts";

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    node: process.version,
    os: `${os.platform()} ${os.release()} ${os.arch()}`,
    totalMemMB: Math.round(os.totalmem() / 2 ** 20),
  };
}
