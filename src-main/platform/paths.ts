import { homedir } from "node:os";
import { join, resolve } from "node:path";

/** $FLOWBENCH_HOME, default ~/.flowbench: the database and the default workspace live here. */
export function flowbenchHome(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.FLOWBENCH_HOME || join(homedir(), ".flowbench"));
}

export function databasePath(env: NodeJS.ProcessEnv = process.env): string {
  return join(flowbenchHome(env), "flowbench.db");
}

export function flowsDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(flowbenchHome(env), "flows");
}
