/**
 * The BrowserWindow's options in one pure function, so a test reads the very
 * object the app passes to `new BrowserWindow`. The renderer is treated as
 * untrusted: no Node, an isolated world for the preload, Chromium's sandbox.
 */
import { join } from "node:path";
import type { BrowserWindowConstructorOptions } from "electron";
import type { WindowState } from "./window-state.ts";

/** TypeScript compiles preload.cts to preload.cjs next to main.js: sandboxed preloads must be CommonJS. */
export function preloadPath(electronDir: string): string {
  return join(electronDir, "preload.cjs");
}

export function windowOptions(options: { preload: string; state: WindowState; icon?: string }): BrowserWindowConstructorOptions {
  const { state } = options;
  return {
    ...(state.x === undefined || state.y === undefined ? {} : { x: state.x, y: state.y }),
    width: state.width,
    height: state.height,
    minWidth: 720,
    minHeight: 480,
    title: "Flowbench",
    // Shown on ready-to-show, so the window never flashes blank.
    show: false,
    ...(options.icon ? { icon: options.icon } : {}),
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // Dropping a file on the window must not navigate it to that file.
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}
