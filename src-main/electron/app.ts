/**
 * The desktop app's lifecycle: one instance per user, the API host behind IPC,
 * the window, and a clean shutdown that lets the host finish writing history.
 * The host factory is a parameter so this file does not depend on how the host
 * is built (main.ts wires the real one).
 */
import { app, dialog, ipcMain, Notification, session, type BrowserWindow } from "electron";
import { existsSync } from "node:fs";
import type { UserNotification } from "../host/context.ts";
import type { ApiHost } from "../host/types.ts";
import { registerIpc } from "./ipc.ts";
import { showDesktopNotifications } from "./notifications.ts";
import { rendererLocation } from "./renderer-location.ts";
import { isTrustedFrame, withContentSecurityPolicy } from "./security.ts";
import { createMainWindow, lockDown } from "./window.ts";

/** `onNotification`: automations' notifications, shown on the desktop. */
export type HostFactory = (options: { home: string }) => Promise<ApiHost & { onNotification?(listener: (n: UserNotification) => void): () => void }>;

export async function startApp(createHost: HostFactory, options: { home: string; electronDir: string }): Promise<void> {
  // A second launch hands over to the first (whose window comes to the front) and quits.
  if (!app.requestSingleInstanceLock()) return app.quit();
  let window: BrowserWindow | null = null;
  app.on("second-instance", () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  await app.whenReady();
  let host: Awaited<ReturnType<HostFactory>>;
  try {
    host = await createHost({ home: options.home });
  } catch (error) {
    dialog.showErrorBox("Flowbench could not start", error instanceof Error ? (error.stack ?? error.message) : String(error));
    return app.exit(1);
  }

  const location = rendererLocation({ appPath: app.getAppPath(), devServerUrl: process.env.FLOWBENCH_DEV_SERVER_URL, exists: existsSync });
  // The header covers the dev server; for file:// pages (no headers) the same policy sits in their <meta> tag.
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) }));
  // The app asks for no permission (camera, notifications, ...); refuse them all without a prompt.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  app.on("web-contents-created", (_event, contents) => lockDown(contents, location.origin));
  const ipc = registerIpc(ipcMain, host, { trusts: (frame) => isTrustedFrame(frame, location.origin) });
  const stopNotifications = showDesktopNotifications(host, { isSupported: () => Notification.isSupported(), show: (n) => new Notification(n).show() });

  const open = () => {
    window = createMainWindow({ appPath: app.getAppPath(), electronDir: options.electronDir, userData: app.getPath("userData"), location });
    window.on("closed", () => (window = null));
  };
  open();
  // macOS keeps an app running with no window; clicking its dock icon opens one again.
  app.on("activate", () => window ?? open());
  app.on("window-all-closed", () => {
    if (process.platform !== "darwin") app.quit();
  });

  let closed = false;
  app.on("will-quit", (event) => {
    if (closed) return;
    // Quitting waits for the host: runs in flight are marked and buffered history is written.
    event.preventDefault();
    closed = true;
    ipc.dispose();
    stopNotifications();
    host
      .close()
      .catch((error: unknown) => console.error("Flowbench: closing the host failed:", error))
      .finally(() => app.quit());
  });
}
