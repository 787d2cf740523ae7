/** A clock for tests: time moves only when told, firing due timers in order, so a week takes seconds. */
import type { Clock } from "../clock.ts";

interface Timer {
  at: number;
  seq: number;
  callback: () => void;
}

export class FakeClock implements Clock {
  time: number;
  readonly #timers = new Set<Timer>();
  #seq = 0;
  /** Awaited after each timer fires: the scheduler's pass it started. */
  settle: () => Promise<void> = async () => undefined;

  constructor(start: number) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  setTimer(callback: () => void, ms: number): { cancel(): void } {
    const timer = { at: this.time + Math.max(0, ms), seq: this.#seq++, callback };
    this.#timers.add(timer);
    return { cancel: () => void this.#timers.delete(timer) };
  }

  /** Forgets every timer, as when the process that set them dies. */
  dropAll(): void {
    this.#timers.clear();
  }

  /** Fires every timer due up to `end` in time order (timers set meanwhile included), then sets the time to `end`. */
  async runUntil(end: number): Promise<void> {
    for (;;) {
      let next: Timer | undefined;
      for (const t of this.#timers) if (t.at <= end && (!next || t.at < next.at || (t.at === next.at && t.seq < next.seq))) next = t;
      if (!next) break;
      this.#timers.delete(next);
      this.time = Math.max(this.time, next.at);
      next.callback();
      await this.settle();
    }
    this.time = Math.max(this.time, end);
  }
}
