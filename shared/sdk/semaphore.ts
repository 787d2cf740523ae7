/** A counting semaphore; waiters are served in arrival order. */
export class Semaphore {
  readonly limit: number;
  private available: number;
  // A queue with a moving head: Array.shift is O(n), quadratic for 100k waiters.
  private waiters: Array<(() => void) | undefined> = [];
  private head = 0;

  constructor(limit: number) {
    this.limit = limit;
    this.available = limit;
  }

  /** Undefined when a slot was free; otherwise resolves once one is held. `release` gives it back. */
  acquire(): Promise<void> | undefined {
    if (this.available > 0) {
      this.available--;
      return undefined;
    }
    return new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  release(): void {
    if (this.head < this.waiters.length) {
      const next = this.waiters[this.head];
      this.waiters[this.head++] = undefined;
      if (this.head > 1024 && this.head * 2 > this.waiters.length) {
        this.waiters = this.waiters.slice(this.head);
        this.head = 0;
      }
      next!();
    } else {
      this.available++;
    }
  }

  get waiting(): number {
    return this.waiters.length - this.head;
  }
}
