import { describe, expect, it } from "vitest";
import { Semaphore } from "./semaphore.ts";

describe("semaphore", () => {
  it("holds at most `limit` slots and serves waiters in order", async () => {
    const s = new Semaphore(2);
    expect(s.acquire()).toBeUndefined();
    expect(s.acquire()).toBeUndefined();
    const order: number[] = [];
    const waits = [1, 2, 3].map((n) => s.acquire()!.then(() => order.push(n)));
    expect(s.waiting).toBe(3);
    s.release();
    s.release();
    s.release();
    await Promise.all(waits);
    expect(order).toEqual([1, 2, 3]);
    s.release();
    s.release();
    expect(s.acquire()).toBeUndefined();
  });

  it("stays fast with 100,000 waiters", async () => {
    const s = new Semaphore(1);
    s.acquire();
    let served = 0;
    const waits = Array.from({ length: 100_000 }, () => s.acquire()!.then(() => served++));
    for (let i = 0; i < 100_000; i++) s.release();
    await Promise.all(waits);
    expect(served).toBe(100_000);
    expect(s.waiting).toBe(0);
  });
});
