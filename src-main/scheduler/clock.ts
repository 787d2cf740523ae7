/** Time as the scheduler sees it: injected, so tests run a week in milliseconds. */
export interface Clock {
  now(): number;
  setTimer(callback: () => void, ms: number): { cancel(): void };
}

export const realClock: Clock = {
  now: () => Date.now(),
  setTimer(callback, ms) {
    // Timers past ~24.8 days overflow to 1 ms; the scheduler wakes well before that anyway.
    const handle = setTimeout(callback, Math.max(0, Math.min(ms, 2 ** 31 - 1)));
    handle.unref?.();
    return { cancel: () => clearTimeout(handle) };
  },
};
