import { useEffect } from "react";

export interface Refusal {
  reason: string;
  x: number;
  y: number;
  /** Changes per refusal so the same reason twice restarts the timer. */
  at: number;
}

/** Why a connection was refused, next to the pointer, for a few seconds. */
export function ConnectionToast({ refusal, onDone }: { refusal: Refusal | null; onDone: () => void }) {
  useEffect(() => {
    if (!refusal) return;
    const timer = setTimeout(onDone, 3500);
    return () => clearTimeout(timer);
  }, [refusal, onDone]);
  return (
    <div role="status" aria-live="polite" className="pointer-events-none">
      {refusal && (
        <div
          data-testid="connection-refused"
          className="fixed z-50 max-w-xs rounded-md border border-red-300 bg-red-50 px-2.5 py-1.5 text-xs text-red-800 shadow-lg dark:border-red-800 dark:bg-red-950 dark:text-red-200"
          style={{ left: refusal.x + 14, top: refusal.y + 14 }}
        >
          {refusal.reason}
        </div>
      )}
    </div>
  );
}
