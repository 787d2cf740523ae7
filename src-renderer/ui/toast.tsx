/** Short messages (saved, export written, errors) in one corner; errors stay until closed. */
import { X } from "lucide-react";
import { useSyncExternalStore } from "react";

export interface Toast {
  id: number;
  kind: "info" | "success" | "error";
  message: string;
}

let toasts: Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export function toast(kind: Toast["kind"], message: string): void {
  const id = nextId++;
  toasts = [...toasts.slice(-4), { id, kind, message }];
  emit();
  if (kind !== "error") setTimeout(() => dismiss(id), 3500);
}

export function dismiss(id: number): void {
  toasts = toasts.filter((t) => t.id !== id);
  emit();
}

const COLOURS: Record<Toast["kind"], string> = {
  info: "border-zinc-300 dark:border-zinc-700",
  success: "border-emerald-500/60",
  error: "border-red-500/70",
};

export function Toaster() {
  const list = useSyncExternalStore(
    (l) => (listeners.add(l), () => listeners.delete(l)),
    () => toasts,
  );
  return (
    <div className="pointer-events-none fixed right-4 bottom-4 z-[60] flex w-[380px] flex-col gap-2">
      {list.map((t) => (
        <div
          key={t.id}
          role={t.kind === "error" ? "alert" : "status"}
          data-testid={`toast-${t.kind}`}
          className={`pointer-events-auto flex items-start gap-2 rounded-md border-l-4 bg-white px-3 py-2 text-[13px] shadow-lg dark:bg-zinc-900 ${COLOURS[t.kind]}`}
        >
          <p className="flex-1 whitespace-pre-wrap break-words">{t.message}</p>
          <button type="button" aria-label="Dismiss" onClick={() => dismiss(t.id)} className="text-zinc-400 hover:text-zinc-700 dark:hover:text-zinc-200">
            <X size={14} />
          </button>
        </div>
      ))}
    </div>
  );
}
