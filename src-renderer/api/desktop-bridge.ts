/**
 * Where the renderer finds the desktop bridge: the preload puts it on
 * `window.flowbench`. In a plain browser (`flowbench server`) it is absent and
 * the app uses the HTTP/WebSocket transport instead.
 */
import type { FlowbenchBridge } from "../../shared/api/desktop.ts";

declare global {
  interface Window {
    readonly flowbench?: FlowbenchBridge;
  }
}

export function desktopBridge(): FlowbenchBridge | null {
  return typeof window === "undefined" ? null : (window.flowbench ?? null);
}
