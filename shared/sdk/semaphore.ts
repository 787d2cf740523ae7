/** Work waiting for a slot; `start` runs once a slot is held and must end in `semaphore.release()`. */
export interface Job {
  start(): void;
}

/** A counting semaphore; queued work runs in arrival order. */
export class Semaphore {
  readonly limit: number;
  private available: number;
  // A queue with a moving head: Array.shift is O(n), quadratic for 100k waiters.
  private waiters: Array<Job | undefined> = [];
  private head = 0;
  readonly release = (): void => {
    if (this.head < this.waiters.length) {
      const next = this.waiters[this.head];
      this.waiters[this.head++] = undefined;
      if (this.head > 1024 && this.head * 2 > this.waiters.length) {
        this.waiters = this.waiters.slice(this.head);
        this.head = 0;
      }
      next!.start();
    } else {
      this.available++;
    }
  };

  constructor(limit: number) {
    this.limit = limit;
    this.available = limit;
  }

  /**
   * Runs `fn` once a slot is free and frees it when `fn` settles. Queued work waits as
   * a small closure rather than a suspended async call, so 100k waiting runs stay light.
   */
  run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.available > 0) {
      this.available--;
      return this.hold(fn);
    }
    return new Promise<T>((resolve) => this.waiters.push({ start: () => resolve(this.hold(fn)) }));
  }

  /** Starts the job now if a slot is free, else queues it. */
  enqueue(job: Job): void {
    if (this.available > 0) {
      this.available--;
      job.start();
    } else {
      this.waiters.push(job);
    }
  }

  hasFreeSlot(): boolean {
    return this.available > 0;
  }

  get waiting(): number {
    return this.waiters.length - this.head;
  }

  private hold<T>(fn: () => Promise<T>): Promise<T> {
    let promise: Promise<T>;
    try {
      promise = fn();
    } catch (error) {
      promise = Promise.reject(error);
    }
    promise.then(this.release, this.release);
    return promise;
  }
}
