import { describe, expect, it } from "vitest";
import { Semaphore } from "./semaphore.ts";

const gate = () => {
  let open!: () => void;
  const promise = new Promise<void>((r) => (open = r));
  return { promise, open };
};

describe("semaphore", () => {
  it("runs at most `limit` at once, in arrival order, and frees slots on failure too", async () => {
    const s = new Semaphore(2);
    const gates = [gate(), gate(), gate(), gate()];
    const started: number[] = [];
    const runs = gates.map((g, i) =>
      s.run(async () => {
        started.push(i);
        await g.promise;
        if (i === 0) throw new Error("first fails");
        return i;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(s.waiting).toBe(2);
    gates[0]!.open();
    await expect(runs[0]).rejects.toThrow("first fails");
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    gates.forEach((g) => g.open());
    expect(await Promise.all(runs.slice(1))).toEqual([1, 2, 3]);
    expect(s.waiting).toBe(0);
  });

  it("stays fast with 100,000 queued", async () => {
    const s = new Semaphore(1);
    let active = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 100_000 }, (_, i) =>
        s.run(async () => {
          peak = Math.max(peak, ++active);
          await null;
          active--;
          return i;
        }),
      ),
    );
    expect(results[99_999]).toBe(99_999);
    expect(peak).toBe(1);
  });
});
