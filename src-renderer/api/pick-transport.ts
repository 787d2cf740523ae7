/**
 * One client for the whole app: over the desktop bridge in Electron, over
 * HTTP and a WebSocket in a browser. Views never know which.
 */
import { createClient, type ApiClient } from "../../shared/api/client.ts";
import { desktopBridge } from "./desktop-bridge.ts";
import { createHttpTransport } from "./http-transport.ts";
import { createIpcTransport } from "./ipc-transport.ts";

export function createApiClient(): ApiClient {
  const bridge = desktopBridge();
  if (bridge) return createClient(createIpcTransport(bridge));
  // `flowbench server` writes the token into the page it serves.
  const token = document.querySelector<HTMLMetaElement>('meta[name="flowbench-token"]')?.content;
  return createClient(createHttpTransport(token ? { token } : {}));
}
