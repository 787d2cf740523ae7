import { AsyncLocalStorage } from "node:async_hooks";
import { createHash } from "node:crypto";
import { format } from "node:util";
import type { ContextStorage, Platform } from "../../shared/sdk/platform.ts";
import { currentOwner } from "./process.ts";

export const nodePlatform: Platform = {
  createContextStorage<T>(): ContextStorage<T> {
    const als = new AsyncLocalStorage<T>();
    return { run: <R>(value: T, fn: () => R): R => als.run(value, fn), get: () => als.getStore() };
  },
  hash: (text) => createHash("sha256").update(text).digest("hex").slice(0, 32),
  formatArgs: (args) => format(...args),
  owner: currentOwner,
  writeLine: (line, stream) => {
    (stream === "err" ? process.stderr : process.stdout).write(line + "\n");
  },
};
