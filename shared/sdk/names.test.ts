import { describe, expect, it } from "vitest";
import { flowRunName, newId, taskRunName } from "./names.ts";

describe("ids and names", () => {
  it("makes UUIDv7 ids that sort by creation time", () => {
    const ids = [1_700_000_000_000, 1_700_000_000_001, 1_800_000_000_000].map((t) => newId(t));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(Array.from({ length: 10_000 }, () => newId(5))).size).toBe(10_000);
  });

  it("gives sibling task runs different names even when made in the same millisecond", () => {
    const names = new Set(Array.from({ length: 1000 }, () => taskRunName("fetch", newId(42))));
    expect(names.size).toBeGreaterThan(990);
    expect(flowRunName()).toMatch(/^[a-z]+-[a-z]+$/);
  });
});
