/**
 * A real API host as `flowbench server` runs it, in this process: a temp home with its
 * SQLite history and flows folder, createHost with the worker-thread engine, startServer on
 * 127.0.0.1 port 0, and the browser's client (HTTP calls, one WebSocket for events).
 * The temp home is deleted by dispose(), and at exit should the case throw first.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { createClient, type ApiClient } from "../../shared/api/client.ts";
import type { RunStore } from "../../shared/store/types.ts";
import { createEngine } from "../../src-main/engine/engine.ts";
import { ensureWorkspace } from "../../src-main/graph/workspace.ts";
import { createHost, type Host } from "../../src-main/host/index.ts";
import { startServer, type RunningServer } from "../../src-main/server/index.ts";
import { openSqliteStore } from "../../src-main/store/sqlite/index.ts";
import { createHttpTransport } from "../../src-renderer/api/http-transport.ts";

export interface BenchHost {
  readonly home: string;
  readonly flowsDir: string;
  /** The history file the host (and its workers) use. */
  readonly dbPath: string;
  readonly host: Host;
  /** The host's own store: the same connection its handlers read through. */
  readonly store: RunStore;
  readonly server: RunningServer;
  readonly client: ApiClient;
  /** A single number from a query on the history, read with better-sqlite3 directly (not through the store). */
  count(sql: string, ...params: unknown[]): number;
  /** Closes the client, the server and the host (its engine and store), and deletes the temp home; idempotent. */
  dispose(): Promise<void>;
}

/**
 * `seed` writes the history before the host opens it (through a store of its own, closed afterwards);
 * `staticDir` serves the renderer's build too, for the browser cases.
 */
export async function startBenchHost(caseName: string, seed?: (store: RunStore) => Promise<unknown>, options: { staticDir?: string } = {}): Promise<BenchHost> {
  const home = mkdtempSync(join(tmpdir(), `flowbench-bench-${caseName}-`));
  process.once("exit", () => rmSync(home, { recursive: true, force: true }));
  const flowsDir = join(home, "flows");
  const dbPath = join(home, "flowbench.db");
  ensureWorkspace(flowsDir);
  if (seed) {
    const seeding = openSqliteStore(dbPath);
    try {
      await seed(seeding);
    } finally {
      seeding.close();
    }
  }
  const host = await createHost({ home, flowsDir, engine: (options) => createEngine(options) });
  const server = await startServer({ host, port: 0, ...(options.staticDir ? { staticDir: options.staticDir } : {}) });
  const client = createClient(createHttpTransport({ baseUrl: server.url, token: server.token }));
  let reader: Database.Database | undefined;
  let disposed = false;
  return {
    home,
    flowsDir,
    dbPath,
    host,
    store: host.context.store,
    server,
    client,
    count(sql, ...params) {
      reader ??= new Database(dbPath, { readonly: true, fileMustExist: true });
      const value = reader.prepare(sql).pluck().get(...params);
      if (typeof value !== "number") throw new Error(`not a number from: ${sql}`);
      return value;
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      reader?.close();
      client.close();
      await server.close();
      await host.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}
