/** A counting semaphore; waiters are served in arrival order. */
export class Semaphore {
  readonly limit: number;
  private available: number;
  private readonly waiters: Array<() => void> = [];

  constructor(limit: number) {
    this.limit = limit;
    this.available = limit;
  }

  /** Resolves when a slot is held; `release` gives it back. */
  acquire(): Promise<void> | undefined {
    if (this.available > 0) {
      this.available--;
      return undefined;
    }
    return new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  release(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.available++;
  }
}
