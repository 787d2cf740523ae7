/**
 * File triggers: a folder watched (recursively) for files matching a glob; a
 * run starts per new or changed file, with its absolute path as a parameter.
 *
 * A file starts a run only once it has stopped changing: its size and mtime
 * must stay the same for the debounce period, so a file still being copied or
 * written in chunks is not picked up half-way. Each version (size + mtime)
 * starts at most one run. A file that a run started for it writes while it
 * runs (processing in place, say) is that run's doing, not a new file: those
 * versions are remembered and skipped, so a trigger never feeds itself.
 * Files already in the folder when the watch starts are left alone.
 * Errors (the folder deleted) are logged; the watch tries again on the next refresh.
 */
import { readdirSync, statSync, watch, type FSWatcher } from "node:fs";
import { join, relative, sep } from "node:path";
import { isTerminal } from "../../shared/sdk/states.ts";
import { checkParams } from "../../shared/schedule/params.ts";
import type { TriggerRecord } from "../../shared/schedule/records.ts";
import type { HostContext } from "../host/context.ts";
import { matchGlob } from "./glob.ts";

export const DEFAULT_DEBOUNCE_MS = 500;
/** Files looked at when a watch starts, to know which were already there; a huge tree is not walked whole. */
const SCAN_LIMIT = 20_000;

export interface FolderWatchOptions {
  folder: string;
  glob: string;
  debounceMs?: number;
  /** Starts a run for the file; `ended` settles when that run has finished. Undefined: no run started. */
  onFile(path: string): Promise<{ ended: Promise<void> } | undefined>;
  log(message: string): void;
}

interface Pending {
  /** size:mtime when last looked at. */
  version: string | null;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** Changed while a run started for this file was running: the run wrote it. */
  byRun: boolean;
}

/** One folder and glob. */
export class FolderWatch {
  readonly #o: FolderWatchOptions;
  readonly #debounceMs: number;
  #watcher: FSWatcher | undefined;
  /** The version of each file last handled (there at start, started a run, or written by a run). */
  readonly #known = new Map<string, string>();
  readonly #pending = new Map<string, Pending>();
  /** Runs in flight per file. */
  readonly #running = new Map<string, number>();
  #failed = false;
  #closed = false;
  /** The folder's inode when watched: a folder deleted and made again needs a new watch. */
  #ino: number | undefined;

  constructor(options: FolderWatchOptions) {
    this.#o = options;
    this.#debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  }

  /** False when the folder could not be watched (logged); start() again later. */
  start(): boolean {
    if (this.#closed) return false;
    this.#stopWatcher();
    try {
      this.#ino = statSync(this.#o.folder).ino;
      this.#scan();
      const watcher = watch(this.#o.folder, { recursive: true, persistent: false }, (_event, filename) => {
        if (filename) this.#touch(join(this.#o.folder, filename.toString()));
      });
      watcher.on("error", (error) => this.#fail(error));
      this.#watcher = watcher;
      if (this.#failed) this.#o.log(`watching ${this.#o.folder} again`);
      this.#failed = false;
      return true;
    } catch (error) {
      this.#fail(error);
      return false;
    }
  }

  get failed(): boolean {
    return this.#failed;
  }

  /** Whether the watched folder is still the one watched (inotify says nothing when it is deleted). */
  check(): boolean {
    if (this.#failed || this.#closed) return !this.#failed;
    let ino: number | undefined;
    try {
      ino = statSync(this.#o.folder).ino;
    } catch {
      ino = undefined;
    }
    if (ino !== this.#ino) this.#fail(new Error(ino === undefined ? "the folder is gone" : "the folder was replaced"));
    return !this.#failed;
  }

  close(): void {
    this.#closed = true;
    this.#stopWatcher();
    for (const pending of this.#pending.values()) clearTimeout(pending.timer);
    this.#pending.clear();
  }

  #fail(error: unknown): void {
    this.#stopWatcher();
    // Said once until the watch works again, not on every retry.
    if (!this.#failed) this.#o.log(`cannot watch ${this.#o.folder}: ${(error as Error).message}`);
    this.#failed = true;
  }

  #stopWatcher(): void {
    try {
      this.#watcher?.close();
    } catch {
      // Already gone with its folder.
    }
    this.#watcher = undefined;
  }

  #matches(path: string): boolean {
    const rel = relative(this.#o.folder, path);
    return rel !== "" && !rel.startsWith("..") && matchGlob(rel.split(sep).join("/"), this.#o.glob);
  }

  /** Files already there are not new: remember their versions. */
  #scan(): void {
    let seen = 0;
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (++seen > SCAN_LIMIT) return;
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.isFile() && this.#matches(path)) {
          const version = versionOf(path);
          if (version) this.#known.set(path, version);
        }
      }
    };
    walk(this.#o.folder);
  }

  /** The watcher saw something at this path: look again once it has been quiet for the debounce period. */
  #touch(path: string): void {
    if (this.#closed || !this.#matches(path)) return;
    let pending = this.#pending.get(path);
    if (!pending) {
      pending = { version: null, timer: undefined, byRun: false };
      this.#pending.set(path, pending);
    }
    if (this.#running.get(path)) pending.byRun = true;
    pending.version = versionOf(path);
    clearTimeout(pending.timer);
    pending.timer = setTimeout(() => this.#settle(path), this.#debounceMs);
  }

  #settle(path: string): void {
    const pending = this.#pending.get(path);
    if (!pending || this.#closed) return;
    const version = versionOf(path);
    if (version === null) {
      // Deleted (or never a file): nothing to run.
      this.#pending.delete(path);
      return;
    }
    if (version !== pending.version) {
      // Still changing without events reaching us (some writers): wait another period.
      pending.version = version;
      if (this.#running.get(path)) pending.byRun = true;
      pending.timer = setTimeout(() => this.#settle(path), this.#debounceMs);
      return;
    }
    this.#pending.delete(path);
    if (pending.byRun || this.#running.get(path)) {
      this.#known.set(path, version);
      return;
    }
    if (this.#known.get(path) === version) return;
    this.#known.set(path, version);
    void this.#fire(path);
  }

  async #fire(path: string): Promise<void> {
    this.#running.set(path, (this.#running.get(path) ?? 0) + 1);
    try {
      const started = await this.#o.onFile(path);
      await started?.ended;
    } catch (error) {
      this.#o.log(`starting a run for ${path} failed: ${(error as Error).message}`);
    } finally {
      const left = (this.#running.get(path) ?? 1) - 1;
      if (left > 0) this.#running.set(path, left);
      else this.#running.delete(path);
      // What the run left behind is its own, even if no event for it came in while it ran.
      const version = versionOf(path);
      if (version && !this.#pending.has(path)) this.#known.set(path, version);
    }
  }
}

function versionOf(path: string): string | null {
  try {
    const stat = statSync(path);
    return stat.isFile() ? `${stat.size}:${stat.mtimeMs}` : null;
  } catch {
    return null;
  }
}

export interface TriggerWatchesOptions {
  /** How often triggers are re-read (other processes' changes) and failed watches retried. */
  refreshMs?: number;
  /** How often a started run is looked at to know when it ended. */
  runPollMs?: number;
  log?: (message: string) => void;
}

/** The host's file triggers: one FolderWatch per active one, kept in step with the store. */
export class TriggerWatches {
  readonly #ctx: Pick<HostContext, "store" | "automations" | "flows" | "engine">;
  readonly #options: TriggerWatchesOptions;
  readonly #log: (message: string) => void;
  readonly #watches = new Map<string, { key: string; watch: FolderWatch }>();
  #timer: ReturnType<typeof setInterval> | undefined;
  #refreshing: Promise<void> | undefined;
  #again = false;
  #closed = false;

  constructor(ctx: Pick<HostContext, "store" | "automations" | "flows" | "engine">, options: TriggerWatchesOptions = {}) {
    this.#ctx = ctx;
    this.#options = options;
    this.#log = options.log ?? ((message) => console.error(`flowbench file triggers: ${message}`));
  }

  start(): Promise<void> {
    this.#timer ??= setInterval(() => void this.refresh(), this.#options.refreshMs ?? 5000);
    this.#timer.unref?.();
    return this.refresh();
  }

  /** Starts, restarts and stops watches to match the active file triggers. A no-op until started. */
  refresh(): Promise<void> {
    if (this.#closed || !this.#timer) return Promise.resolve();
    if (this.#refreshing) {
      this.#again = true;
      return this.#refreshing;
    }
    this.#refreshing = (async () => {
      do {
        this.#again = false;
        try {
          await this.#reconcile();
        } catch (error) {
          this.#log(`reading triggers failed: ${(error as Error).message}`);
        }
      } while (this.#again && !this.#closed);
    })().finally(() => (this.#refreshing = undefined));
    return this.#refreshing;
  }

  async #reconcile(): Promise<void> {
    const triggers = (await this.#ctx.automations.listTriggers()).filter((t) => t.active && t.config.kind === "file");
    if (this.#closed) return;
    const wanted = new Map(triggers.map((t) => [t.id, t]));
    for (const [id, entry] of this.#watches) {
      const trigger = wanted.get(id);
      if (!trigger || keyOf(trigger) !== entry.key) {
        entry.watch.close();
        this.#watches.delete(id);
      }
    }
    for (const trigger of triggers) {
      const entry = this.#watches.get(trigger.id);
      if (entry) {
        if (!entry.watch.check()) entry.watch.start();
        continue;
      }
      const config = trigger.config as Extract<TriggerRecord["config"], { kind: "file" }>;
      const watch = new FolderWatch({
        folder: config.folder,
        glob: config.glob,
        ...(config.debounceMs === undefined ? {} : { debounceMs: config.debounceMs }),
        onFile: (path) => this.#startRun(trigger, config.param, path),
        log: (message) => this.#log(`trigger '${trigger.name}': ${message}`),
      });
      watch.start();
      this.#watches.set(trigger.id, { key: keyOf(trigger), watch });
    }
  }

  async #startRun(trigger: TriggerRecord, param: string, path: string): Promise<{ ended: Promise<void> } | undefined> {
    const flow = this.#ctx.flows.read(trigger.flowId);
    if (!flow) {
      this.#log(`trigger '${trigger.name}': flow '${trigger.flowId}' is no longer in the workspace; ${path} started nothing`);
      return undefined;
    }
    const params = { [param]: path };
    if (flow.parsed.ok) {
      const check = checkParams(flow.parsed.graph.params, params);
      if (!check.ok) {
        this.#log(`trigger '${trigger.name}': flow '${flow.name}' cannot start with ${path}: ${check.problems.join("; ")}`);
        return undefined;
      }
    }
    const { runId } = await this.#ctx.engine.start({ file: flow.file, params, flowName: flow.name });
    return { ended: this.#ended(runId) };
  }

  /** Settles once the run is in a final state (or the watches close). */
  async #ended(runId: string): Promise<void> {
    const every = this.#options.runPollMs ?? 500;
    while (!this.#closed) {
      const run = await this.#ctx.store.getFlowRun(runId).catch(() => undefined);
      if (!run || isTerminal(run.stateType)) return;
      await new Promise((resolve) => setTimeout(resolve, every).unref?.());
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#refreshing;
    for (const entry of this.#watches.values()) entry.watch.close();
    this.#watches.clear();
  }
}

/** A trigger's watch is restarted when what it watches, or which flow it starts, changes. */
function keyOf(trigger: TriggerRecord): string {
  return JSON.stringify([trigger.flowId, trigger.config]);
}
