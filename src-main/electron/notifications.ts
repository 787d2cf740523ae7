/**
 * Automations' notifications as desktop notifications. What is shown is decided
 * here, without Electron, so it is tested; app.ts only hands it Electron's Notification.
 */
import type { UserNotification } from "../host/context.ts";

/** Electron's Notification, as far as this uses it. */
export interface DesktopNotifier {
  isSupported(): boolean;
  show(notification: { title: string; body: string }): void;
}

const TITLE_MAX = 120;
const BODY_MAX = 500;

/** What the desktop shows: a title always (desktops drop untitled ones), both cut to what notification centres show. */
export function desktopNotification(notification: UserNotification): { title: string; body: string } {
  const title = clip(notification.title.trim() || "Flowbench", TITLE_MAX);
  return { title, body: clip(notification.body.trim(), BODY_MAX) };
}

/** Shows each of the host's notifications; returns how to stop. Hosts without notifications show nothing. */
export function showDesktopNotifications(host: { onNotification?(listener: (n: UserNotification) => void): () => void }, notifier: DesktopNotifier): () => void {
  if (!host.onNotification || !notifier.isSupported()) return () => undefined;
  return host.onNotification((n) => {
    try {
      notifier.show(desktopNotification(n));
    } catch (error) {
      // A desktop without a notification service must not break the automation that notified.
      console.error(`Flowbench: showing a notification failed: ${(error as Error).message}`);
    }
  });
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
