/**
 * The desktop app's API stack without Electron: a host behind the real IPC
 * adapter, a window showing the bundled renderer with the real preload, and the
 * renderer's IPC transport under the typed client.
 */
import { pathToFileURL } from "node:url";
import { createClient, type ApiClient } from "../../shared/api/client.ts";
import type { FlowbenchBridge } from "../../shared/api/desktop.ts";
import { registerIpc } from "../../src-main/electron/ipc.ts";
import { isTrustedFrame, type AppOrigin } from "../../src-main/electron/security.ts";
import type { ApiHost } from "../../src-main/host/types.ts";
import { createIpcTransport } from "../../src-renderer/api/ipc-transport.ts";
import { createFakeElectron, loadPreload, type FakeIpcMain, type FakeWebContents } from "./fake-electron-ipc.ts";

export const RENDERER_DIR = "/opt/Flowbench/resources/app.asar/dist/renderer";
export const APP_URL = pathToFileURL(`${RENDERER_DIR}/index.html`).href;
export const APP_ORIGIN: AppOrigin = { kind: "file", root: `${pathToFileURL(RENDERER_DIR).href}/` };

export interface IpcStack {
  ipcMain: FakeIpcMain;
  contents: FakeWebContents;
  bridge: FlowbenchBridge;
  client: ApiClient;
  dispose(): void;
  /** Another window of the same app (a second webContents), showing `url`. */
  openWindow(url?: string): { contents: FakeWebContents; bridge: FlowbenchBridge };
}

export function startIpcStack(host: ApiHost, url = APP_URL): IpcStack {
  const electron = createFakeElectron();
  const ipc = registerIpc(electron.ipcMain, host, { trusts: (frame) => isTrustedFrame(frame, APP_ORIGIN) });
  const openWindow = (windowUrl = APP_URL) => {
    const contents = electron.openWindow(windowUrl);
    return { contents, bridge: loadPreload(contents.ipcRenderer).world.flowbench as FlowbenchBridge };
  };
  const { contents, bridge } = openWindow(url);
  const client = createClient(createIpcTransport(bridge));
  return {
    ipcMain: electron.ipcMain,
    contents,
    bridge,
    client,
    openWindow,
    dispose() {
      client.close();
      ipc.dispose();
      contents.destroy();
    },
  };
}
