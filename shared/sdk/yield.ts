const SLICE_MS = 10;
let lastYield = Date.now();
let gate: Promise<void> | undefined;

type Scheduler = (callback: () => void) => unknown;
const schedule: Scheduler = (globalThis as { setImmediate?: Scheduler }).setImmediate ?? ((cb) => setTimeout(cb, 0));

/**
 * A flow of instant tasks runs entirely on microtasks and would starve timers:
 * history flushes, timeouts, Ctrl-C. Every 10 ms, runs that are about to start wait
 * on one shared gate that opens after the event loop has had a turn. Undefined when
 * there is no need to wait.
 */
export function eventLoopTurn(): Promise<void> | undefined {
  if (gate) return gate;
  const now = Date.now();
  if (now - lastYield < SLICE_MS) return undefined;
  gate = new Promise((resolve) =>
    schedule(() => {
      gate = undefined;
      lastYield = Date.now();
      resolve();
    }),
  );
  return gate;
}
