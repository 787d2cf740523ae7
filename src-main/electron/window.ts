/**
 * The main window: created from windowOptions, placed where it was last
 * closed, with navigation and new windows locked down and the native menu
 * wired to the renderer. The decisions themselves are pure functions in
 * security.ts; this file only hands them to Electron.
 */
import { BrowserWindow, Menu, screen, shell, type WebContents } from "electron";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { IPC_CHANNELS, type MenuCommand } from "../../shared/api/desktop.ts";
import { menuTemplate } from "./menu.ts";
import type { RendererLocation } from "./renderer-location.ts";
import { decideNavigation, decideWindowOpen, type AppOrigin } from "./security.ts";
import { preloadPath, windowOptions } from "./window-options.ts";
import { fitToDisplays, loadWindowState, saveWindowState } from "./window-state.ts";

/** Every webContents the app ever creates (the window's, devtools') gets these rules: see app.on("web-contents-created"). */
export function lockDown(contents: WebContents, origin: AppOrigin, openExternal: (url: string) => unknown = (url) => shell.openExternal(url)): void {
  contents.on("will-navigate", (event) => {
    const decision = decideNavigation(event.url, origin);
    if (!decision.allow) event.preventDefault();
    if (decision.openExternally) void openExternal(event.url);
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (decideWindowOpen(url).openExternally) void openExternal(url);
    return { action: "deny" };
  });
  contents.on("will-attach-webview", (event) => event.preventDefault());
}

export function createMainWindow(options: { appPath: string; electronDir: string; userData: string; location: RendererLocation }): BrowserWindow {
  const stateFile = join(options.userData, "window-state.json");
  const state = fitToDisplays(
    loadWindowState(stateFile),
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const icon = join(options.appPath, "resources/icon.png");
  const window = new BrowserWindow(windowOptions({ preload: preloadPath(options.electronDir), state, ...(existsSync(icon) ? { icon } : {}) }));
  if (state.maximized) window.maximize();
  window.once("ready-to-show", () => window.show());
  window.on("close", () => {
    const bounds = window.getNormalBounds();
    saveWindowState(stateFile, { x: Math.round(bounds.x), y: Math.round(bounds.y), width: Math.round(bounds.width), height: Math.round(bounds.height), maximized: window.isMaximized() });
  });

  const send = (command: MenuCommand) => {
    if (!window.isDestroyed()) window.webContents.send(IPC_CHANNELS.menu, command);
  };
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(send)));

  const { location } = options;
  void (location.kind === "url" ? window.loadURL(location.url) : window.loadFile(location.file));
  return window;
}
