/**
 * Electron's IPC in one process, faithful where our code depends on it, so the
 * main-side adapter, the real preload, the renderer transport and the client run
 * end to end without an Electron binary:
 * - every argument and result crossing a process is copied with structuredClone
 *   (what cannot be cloned fails as in Electron: "An object could not be cloned.");
 * - messages arrive asynchronously and in order; invoke replies are promises;
 * - ipcMain events carry `sender` (the webContents) and `senderFrame` (url, parent),
 *   null once the frame is gone; webContents.send reaches the main frame only;
 * - a destroyed webContents emits "destroyed" and refuses to send;
 * - the preload runs as Electron runs a sandboxed one: CommonJS, wrapped in a function,
 *   with a require that knows only "electron"; contextBridge copies what it exposes
 *   (functions proxied, everything else copied and frozen).
 */
import { EventEmitter } from "node:events";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { runInThisContext } from "node:vm";
import ts from "typescript";

export const PRELOAD = resolve(import.meta.dirname, "../../src-main/electron/preload.cts");

type MainListener = (event: FakeIpcMainEvent, ...args: unknown[]) => unknown;
type RendererListener = (event: { sender: FakeIpcRenderer }, ...args: unknown[]) => void;

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
  /** A detached frame (navigated away, removed) shows up as senderFrame null, as in Electron. */
  detached: boolean;
}

export interface FakeIpcMainEvent {
  sender: FakeWebContents;
  senderFrame: FakeFrame | null;
}

/** Copies like IPC does, and fails with Electron's message. */
function cloneForIpc<T>(value: T): T {
  try {
    return structuredClone(value);
  } catch {
    throw new Error("An object could not be cloned.");
  }
}

const later = (fn: () => void) => void setImmediate(fn);

export class FakeIpcMain {
  readonly handlers = new Map<string, MainListener>();
  readonly listeners = new EventEmitter();

  handle(channel: string, listener: MainListener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  on(channel: string, listener: MainListener): this {
    this.listeners.on(channel, listener);
    return this;
  }
  removeListener(channel: string, listener: MainListener): this {
    this.listeners.removeListener(channel, listener);
    return this;
  }
  listenerCount(channel: string): number {
    return this.listeners.listenerCount(channel);
  }
}

/** The ipcRenderer of one frame. */
export class FakeIpcRenderer {
  readonly #contents: FakeWebContents;
  readonly #frame: FakeFrame;
  readonly #listeners = new EventEmitter();

  constructor(contents: FakeWebContents, frame: FakeFrame) {
    this.#contents = contents;
    this.#frame = frame;
  }

  #event(): FakeIpcMainEvent {
    return { sender: this.#contents, senderFrame: this.#frame.detached ? null : this.#frame };
  }

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    return (async () => {
      const copied = cloneForIpc(args);
      await new Promise((done) => later(() => done(undefined)));
      const handler = this.#contents.ipcMain.handlers.get(channel);
      if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
      let result: unknown;
      try {
        result = await handler(this.#event(), ...copied);
      } catch (error) {
        throw new Error(`Error invoking remote method '${channel}': ${String(error)}`);
      }
      return cloneForIpc(result);
    })();
  }

  send(channel: string, ...args: unknown[]): void {
    const copied = cloneForIpc(args);
    const event = this.#event();
    later(() => this.#contents.ipcMain.listeners.emit(channel, event, ...copied));
  }

  on(channel: string, listener: RendererListener): this {
    this.#listeners.on(channel, listener);
    return this;
  }
  removeListener(channel: string, listener: RendererListener): this {
    this.#listeners.removeListener(channel, listener);
    return this;
  }
  listenerCount(channel: string): number {
    return this.#listeners.listenerCount(channel);
  }

  /** Delivery from the main process. */
  receive(channel: string, args: unknown[]): void {
    this.#listeners.emit(channel, { sender: this }, ...args);
  }
}

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  readonly ipcMain: FakeIpcMain;
  readonly mainFrame: FakeFrame;
  readonly ipcRenderer: FakeIpcRenderer;
  #destroyed = false;

  constructor(ipcMain: FakeIpcMain, url: string) {
    super();
    this.ipcMain = ipcMain;
    this.mainFrame = { url, parent: null, detached: false };
    this.ipcRenderer = new FakeIpcRenderer(this, this.mainFrame);
  }

  /** An iframe in the page, with its own ipcRenderer (a preload can run in subframes too). */
  subFrame(url: string): { frame: FakeFrame; ipcRenderer: FakeIpcRenderer } {
    const frame: FakeFrame = { url, parent: this.mainFrame, detached: false };
    return { frame, ipcRenderer: new FakeIpcRenderer(this, frame) };
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.#destroyed) throw new Error("Object has been destroyed");
    const copied = cloneForIpc(args);
    later(() => this.ipcRenderer.receive(channel, copied));
  }

  isDestroyed(): boolean {
    return this.#destroyed;
  }

  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.emit("destroyed");
  }
}

/** contextBridge's copy: functions are proxied (their arguments and results copied back), other values copied and frozen. */
function bridgeCopy(value: unknown): unknown {
  if (typeof value === "function") {
    return (...args: unknown[]) => {
      const result = (value as (...a: unknown[]) => unknown)(...args.map(bridgeCopy));
      return result instanceof Promise ? result.then(bridgeCopy) : bridgeCopy(result);
    };
  }
  if (Array.isArray(value)) return Object.freeze(value.map(bridgeCopy));
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.freeze(Object.fromEntries(Object.entries(value).map(([key, item]) => [key, bridgeCopy(item)])));
  }
  return value !== null && typeof value === "object" ? structuredClone(value) : value;
}

export interface LoadedPreload {
  /** The page's world: what contextBridge exposed, by key. */
  world: Record<string, unknown>;
  /** The preload's module.exports (nothing in Electron; tests read the inlined lists here). */
  exports: Record<string, unknown>;
}

let compiledPreload: string | undefined;

/** Runs src-main/electron/preload.cts for a frame of `contents`, as Electron runs a sandboxed preload. */
export function loadPreload(ipcRenderer: FakeIpcRenderer): LoadedPreload {
  compiledPreload ??= ts.transpileModule(readFileSync(PRELOAD, "utf8"), {
    fileName: PRELOAD,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2023 },
  }).outputText;
  const world: Record<string, unknown> = {};
  const contextBridge = {
    exposeInMainWorld(key: string, api: unknown) {
      if (key in world) throw new Error("Cannot bind an API on top of an existing property on the window object");
      world[key] = bridgeCopy(api);
    },
  };
  const sandboxedRequire = (name: string) => {
    if (name === "electron") return { contextBridge, ipcRenderer };
    throw new Error(`module not found: ${name}`);
  };
  const module = { exports: {} as Record<string, unknown> };
  const run = runInThisContext(`(function (require, process, exports, module) {${compiledPreload}\n})`, { filename: PRELOAD }) as (...args: unknown[]) => void;
  run(sandboxedRequire, { platform: process.platform }, module.exports, module);
  return { world, exports: module.exports };
}

export function createFakeElectron(): { ipcMain: FakeIpcMain; openWindow(url: string): FakeWebContents } {
  const ipcMain = new FakeIpcMain();
  return { ipcMain, openWindow: (url) => new FakeWebContents(ipcMain, url) };
}
