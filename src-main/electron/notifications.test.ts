import { describe, expect, it, vi } from "vitest";
import type { UserNotification } from "../host/context.ts";
import { desktopNotification, showDesktopNotifications, type DesktopNotifier } from "./notifications.ts";

function fakeHost() {
  const listeners = new Set<(n: UserNotification) => void>();
  return {
    onNotification: (l: (n: UserNotification) => void) => {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
    emit: (n: UserNotification) => listeners.forEach((l) => l(n)),
    listeners,
  };
}

const notifier = (supported = true): DesktopNotifier & { shown: unknown[] } => {
  const shown: unknown[] = [];
  return { shown, isSupported: () => supported, show: (n) => void shown.push(n) };
};

describe("desktop notifications", () => {
  it("shows each notification with its title and body", () => {
    const host = fakeHost();
    const desktop = notifier();
    const stop = showDesktopNotifications(host, desktop);
    host.emit({ title: "import orders failed", body: "Run amber-newt is failed", runId: "r1" });
    expect(desktop.shown).toEqual([{ title: "import orders failed", body: "Run amber-newt is failed" }]);
    stop();
    host.emit({ title: "again", body: "", runId: null });
    expect(desktop.shown).toHaveLength(1);
  });

  it("gives untitled notifications a title and cuts long text", () => {
    expect(desktopNotification({ title: "  ", body: "b", runId: null })).toEqual({ title: "Flowbench", body: "b" });
    const long = desktopNotification({ title: "t".repeat(300), body: "b".repeat(3000), runId: null });
    expect(long.title).toHaveLength(120);
    expect(long.title.endsWith("…")).toBe(true);
    expect(long.body).toHaveLength(500);
  });

  it("does nothing where the desktop has no notifications, or the host sends none", () => {
    const host = fakeHost();
    showDesktopNotifications(host, notifier(false));
    expect(host.listeners.size).toBe(0);
    expect(() => showDesktopNotifications({}, notifier())()).not.toThrow();
  });

  it("keeps going when showing one fails", () => {
    const host = fakeHost();
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    showDesktopNotifications(host, { isSupported: () => true, show: () => { throw new Error("no dbus"); } });
    expect(() => host.emit({ title: "x", body: "y", runId: null })).not.toThrow();
    expect(error).toHaveBeenCalledWith(expect.stringContaining("no dbus"));
    error.mockRestore();
  });
});
