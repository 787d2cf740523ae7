import { describe, expect, it } from "vitest";
import type { EventBatch } from "../../shared/api/events.ts";
import { MemoryStore } from "../../shared/store/memory.ts";
import { decodeCursor, EventHub } from "./event-hub.ts";

describe("EventHub notifications", () => {
  it("go to subscribers that asked for them, with a cursor they can resume from", async () => {
    const hub = new EventHub(new MemoryStore(), { pollMs: 60_000 });
    const asked: EventBatch[] = [];
    const other: EventBatch[] = [];
    hub.subscribe({ notifications: true }, { send: (b) => asked.push(b) });
    hub.subscribe({ allRuns: true }, { send: (b) => other.push(b) });
    hub.publish({ title: "import orders failed", body: "Run amber-newt is failed", runId: "r1" }, 1234);
    await hub.drain();
    const events = asked.flatMap((b) => b.events);
    expect(events).toEqual([{ type: "notification", notification: { id: expect.any(String), title: "import orders failed", body: "Run amber-newt is failed", at: 1234, runId: "r1" } }]);
    expect(() => decodeCursor(asked.at(-1)!.cursor)).not.toThrow();
    expect(other.flatMap((b) => b.events)).toEqual([]);
    hub.close();
    hub.publish({ title: "after close", body: "", runId: null });
    await new Promise((r) => setTimeout(r, 10));
    expect(asked.flatMap((b) => b.events)).toHaveLength(1);
  });
});
