/**
 * Notifications from automations, stacked bottom-right above the app Toaster, clear of page headers (messages
 * from the app's own actions use the bottom-right Toaster). A notification
 * about a run opens it when clicked; each goes by itself after a while.
 */
import { Bell, X } from "lucide-react";
import { useSyncExternalStore } from "react";

export interface NotificationToast {
  id: string;
  title: string;
  body: string;
  at: number;
  /** Where a click goes, e.g. the run's page. */
  href: string | null;
}

const KEEP = 4;
const SHOW_MS = 10_000;
let items: NotificationToast[] = [];
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export function pushNotification(item: NotificationToast): void {
  if (items.some((t) => t.id === item.id)) return;
  items = [...items.slice(-(KEEP - 1)), item];
  emit();
  setTimeout(() => dismissNotification(item.id), SHOW_MS);
}

export function dismissNotification(id: string): void {
  const next = items.filter((t) => t.id !== id);
  if (next.length === items.length) return;
  items = next;
  emit();
}

export function ToastStack() {
  const list = useSyncExternalStore(
    (l) => (listeners.add(l), () => listeners.delete(l)),
    () => items,
  );
  if (list.length === 0) return null;
  return (
    <div className="pointer-events-none fixed right-4 bottom-20 z-[60] flex w-[360px] flex-col gap-2" aria-live="polite">
      {list.map((t) => {
        const body = (
          <>
            <Bell size={15} className="mt-0.5 shrink-0 text-accent-600 dark:text-accent-500" aria-hidden />
            <span className="min-w-0 flex-1">
              <span className="block font-medium text-zinc-900 dark:text-zinc-100">{t.title}</span>
              {t.body ? <span className="block break-words text-zinc-600 dark:text-zinc-400">{t.body}</span> : null}
              {t.href ? <span className="mt-0.5 block text-[11px] text-accent-600 dark:text-accent-500">Open the run</span> : null}
            </span>
          </>
        );
        return (
          <div key={t.id} role="status" data-testid="notification-toast" className="pointer-events-auto flex items-start gap-1 rounded-md border border-zinc-200 bg-white py-2 pr-2 pl-3 text-[13px] shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
            {t.href ? (
              <a href={t.href} onClick={() => dismissNotification(t.id)} className="flex min-w-0 flex-1 items-start gap-2 hover:opacity-80">
                {body}
              </a>
            ) : (
              <div className="flex min-w-0 flex-1 items-start gap-2">{body}</div>
            )}
            <button type="button" aria-label="Dismiss" onClick={() => dismissNotification(t.id)} className="text-zinc-400 hover:text-zinc-700 dark:hover:text-zinc-200">
              <X size={14} />
            </button>
          </div>
        );
      })}
    </div>
  );
}
