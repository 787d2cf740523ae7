import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_WINDOW_STATE } from "./window-state.ts";
import { preloadPath, windowOptions } from "./window-options.ts";

describe("the main window's options", () => {
  const preload = preloadPath("/app/dist/src-main/electron");
  const options = windowOptions({ preload, state: DEFAULT_WINDOW_STATE });

  it("isolate and sandbox the renderer, with no Node anywhere", () => {
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it("load the CommonJS preload that tsc writes next to main.js", () => {
    expect(preload).toBe(join("/app/dist/src-main/electron", "preload.cjs"));
    expect(options.webPreferences?.preload).toBe(preload);
  });

  it("take the remembered size and place, and stay hidden until the page is ready", () => {
    expect(options).toMatchObject({ width: 1280, height: 800, show: false });
    expect(options).not.toHaveProperty("x");
    expect(windowOptions({ preload, state: { x: 10, y: 20, width: 900, height: 700, maximized: false } })).toMatchObject({ x: 10, y: 20, width: 900, height: 700 });
  });
});
