/**
 * The desktop menu's commands (File, Run, View), re-sent as a window event so
 * whichever page is open handles them the way its own buttons do.
 */
import { useEffect, useRef } from "react";
import type { MenuCommand } from "../../shared/api/desktop.ts";
import { desktopBridge } from "../api/desktop-bridge.ts";

const EVENT = "flowbench:menu";

export function forwardMenuCommands(): () => void {
  const bridge = desktopBridge();
  if (!bridge) return () => {};
  return bridge.onMenu((command) => window.dispatchEvent(new CustomEvent<MenuCommand>(EVENT, { detail: command })));
}

/** Calls `handle` for each menu command while the component is mounted. */
export function useMenuCommands(handle: (command: MenuCommand) => void): void {
  const latest = useRef(handle);
  latest.current = handle;
  useEffect(() => {
    const listener = (e: Event) => latest.current((e as CustomEvent<MenuCommand>).detail);
    window.addEventListener(EVENT, listener);
    return () => window.removeEventListener(EVENT, listener);
  }, []);
}
