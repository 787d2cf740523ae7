/** One shared one-second clock for live durations: it ticks only while something shows it. */
import { useSyncExternalStore } from "react";

let now = Date.now();
let timer: ReturnType<typeof setInterval> | null = null;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  timer ??= setInterval(() => {
    now = Date.now();
    listeners.forEach((l) => l());
  }, 1000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

const noop = () => () => {};

/** `Date.now()`, re-rendering every second while `live`; a finished thing does not tick. */
export function useNow(live = true): number {
  return useSyncExternalStore(live ? subscribe : noop, () => (live ? now : 0)) || Date.now();
}
