/**
 * Saved flows are .ts files in the workspace folder; this is the only code that
 * touches them. Reading a file parses it once per change (keyed by its mtime and size).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { ApiError } from "../../shared/api/errors.ts";
import { parseFlowSource, type FlowGraph, type ParseResult } from "../../shared/graph/index.ts";

export interface FlowFile {
  id: string;
  file: string;
  source: string;
  updatedAt: number;
  parsed: ParseResult;
  /** The flow's name: the graph's, else read from `flow({ name: ... })`, else the file's. */
  name: string;
  description: string | null;
}

export class FlowFiles {
  readonly dir: string;
  readonly #cache = new Map<string, { key: string; value: FlowFile }>();

  constructor(dir: string) {
    this.dir = dir;
  }

  pathOf(id: string): string {
    return join(this.dir, `${id}.ts`);
  }

  /** Every flow file below the folder, skipping node_modules, hidden folders and declaration files. */
  list(): FlowFile[] {
    if (!existsSync(this.dir)) return [];
    const out: FlowFile[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.isFile() && entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) {
          const id = relative(this.dir, path).slice(0, -3).split(sep).join("/");
          const flow = this.read(id);
          if (flow) out.push(flow);
        }
      }
    };
    walk(this.dir);
    return out.sort((a, b) => a.id.localeCompare(b.id));
  }

  read(id: string): FlowFile | undefined {
    const file = this.pathOf(id);
    let stat;
    try {
      stat = statSync(file);
    } catch {
      return undefined;
    }
    const key = `${stat.mtimeMs}:${stat.size}`;
    const cached = this.#cache.get(id);
    if (cached?.key === key) return cached.value;
    const source = readFileSync(file, "utf8");
    const parsed = parseFlowSource(source, file);
    const named = parsed.ok ? { name: parsed.graph.name, description: parsed.graph.description ?? null } : nameFromCode(source, id);
    const value: FlowFile = { id, file, source, updatedAt: Math.floor(stat.mtimeMs), parsed, ...named };
    this.#cache.set(id, { key, value });
    return value;
  }

  get(id: string): FlowFile {
    const flow = this.read(id);
    if (!flow) throw new ApiError("not-found", `There is no flow '${id}' in ${this.dir}`);
    return flow;
  }

  /** Writes atomically; refuses to replace a file changed since `ifUnchangedSince`, or any file when `create`. */
  write(id: string, source: string, options: { create?: boolean; ifUnchangedSince?: number | undefined } = {}): FlowFile {
    const file = this.pathOf(id);
    const existing = this.read(id);
    if (existing && options.create) throw new ApiError("conflict", `A flow '${id}' already exists; open it, or save under another name`);
    if (existing && options.ifUnchangedSince !== undefined && existing.updatedAt > options.ifUnchangedSince) {
      throw new ApiError("conflict", `${file} changed on disk since it was opened (at ${new Date(existing.updatedAt).toISOString()}); reload it before saving`);
    }
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, source);
    renameSync(tmp, file);
    return this.get(id);
  }

  delete(id: string): void {
    this.get(id);
    unlinkSync(this.pathOf(id));
    this.#cache.delete(id);
  }
}

/** "ETL: orders (v2)" → "etl-orders-v2": a file name people can read and type. */
export function slugOf(name: string): string {
  return name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "flow";
}

function nameFromCode(source: string, id: string): { name: string; description: string | null } {
  const options = /flow\(\s*\{([^}]*)\}/.exec(source)?.[1] ?? "";
  const str = (key: string) => new RegExp(`\\b${key}:\\s*(["'])((?:\\\\.|(?!\\1).)*)\\1`).exec(options)?.[2] ?? null;
  // Without a name option the SDK names the flow after its function.
  const fnName = /flow\(\s*(?:\{[^}]*\}\s*,\s*)?async\s+function\s+([\p{L}\p{N}_$]+)/u.exec(source)?.[1];
  return { name: str("name") ?? fnName ?? id.split("/").pop()!, description: str("description") };
}

export type { FlowGraph };
