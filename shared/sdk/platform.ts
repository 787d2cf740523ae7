import type { ProcessOwner } from "../store/types.ts";

/** Per-async-call-chain storage (AsyncLocalStorage on Node). */
export interface ContextStorage<T> {
  run<R>(value: T, fn: () => R): R;
  get(): T | undefined;
}

/**
 * What the SDK needs from its host. Node installs a real one (src-main/platform);
 * the fallback keeps the SDK importable in a browser, where only one run at a time
 * can know its context.
 */
export interface Platform {
  createContextStorage<T>(): ContextStorage<T>;
  /** A stable hash, the same in every process, for cache keys. */
  hash(text: string): string;
  /** printf-style formatting of console arguments. */
  formatArgs(args: unknown[]): string;
  /** The current process, recorded on runs so a dead one can be detected later. */
  owner(): ProcessOwner | null;
  /** Writes a line for a person to read (a terminal or the devtools console). */
  writeLine(line: string, stream: "out" | "err"): void;
}

let current: Platform | undefined;

export function installPlatform(platform: Platform): void {
  current = platform;
}

export function getPlatform(): Platform {
  current ??= fallbackPlatform();
  return current;
}

function fallbackPlatform(): Platform {
  const print = { log: console.log.bind(console), error: console.error.bind(console) };
  return {
    createContextStorage<T>(): ContextStorage<T> {
      let value: T | undefined;
      return {
        run(next, fn) {
          const previous = value;
          value = next;
          try {
            return fn();
          } finally {
            value = previous;
          }
        },
        get: () => value,
      };
    },
    hash: fnv1a64,
    formatArgs: (args) => args.map((a) => (typeof a === "string" ? a : safeJson(a))).join(" "),
    owner: () => null,
    writeLine: (line, stream) => (stream === "err" ? print.error(line) : print.log(line)),
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** FNV-1a over UTF-16 code units, 64 bits as two 32-bit lanes. */
export function fnv1a64(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return (h1 >>> 0).toString(16).padStart(8, "0") + (h2 >>> 0).toString(16).padStart(8, "0");
}
