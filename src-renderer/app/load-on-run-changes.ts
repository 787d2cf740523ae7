/** Keeps a view of runs fresh: loads it now, and again whenever a flow run changes, at most once per `throttleMs`. */
import type { ApiClient } from "../../shared/api/client.ts";

/**
 * `load` gets the time it was called at. Returns `load`, wrapped so that timers
 * calling it count towards the throttle, and `stop`, for the effect's clean-up.
 */
export function loadOnRunChanges(client: ApiClient, load: (now: number) => void, throttleMs: number): { load: () => void; stop: () => void } {
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const loadNow = () => {
    last = Date.now();
    load(last);
  };
  const soon = () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      loadNow();
    }, Math.max(0, last + throttleMs - Date.now()));
  };
  loadNow();
  const unsubscribe = client.subscribe({ allRuns: true }, (batch) => {
    if (batch.events.some((e) => e.type === "flow-run")) soon();
  });
  return {
    load: loadNow,
    stop: () => {
      clearTimeout(timer);
      unsubscribe();
    },
  };
}
