import { describe, expect, it } from "vitest";
import { attemptsOf } from "./attempts.ts";

const boom = (n: number) => ({ name: "Error", message: `boom ${n}` });

describe("a task run's attempts", () => {
  it("splits a run that failed twice and then succeeded into three attempts, with each error", () => {
    const states = [
      { type: "PENDING", name: "Pending", timestamp: 1, error: null, message: null },
      { type: "RUNNING", name: "Running", timestamp: 2, error: null, message: null },
      { type: "SCHEDULED", name: "AwaitingRetry", timestamp: 5, error: boom(1), message: null },
      { type: "RUNNING", name: "Retrying", timestamp: 6, error: null, message: null },
      { type: "SCHEDULED", name: "AwaitingRetry", timestamp: 9, error: boom(2), message: null },
      { type: "RUNNING", name: "Retrying", timestamp: 10, error: null, message: null },
      { type: "COMPLETED", name: "Completed", timestamp: 12, error: null, message: null },
    ] as const;
    const attempts = attemptsOf(states, { stateType: "COMPLETED", stateName: "Completed", startTime: 2, endTime: 12, error: null });
    expect(attempts.map((a) => [a.number, a.stateName, a.start, a.end, a.error?.message ?? null])).toEqual([
      [1, "Failed, retried", 2, 5, "boom 1"],
      [2, "Failed, retried", 6, 9, "boom 2"],
      [3, "Completed", 10, 12, null],
    ]);
  });

  it("shows a run still going as one open attempt", () => {
    const attempts = attemptsOf([{ type: "RUNNING", name: "Running", timestamp: 3, error: null, message: null }], { stateType: "RUNNING", stateName: "Running", startTime: 3, endTime: null, error: null });
    expect(attempts).toEqual([{ number: 1, stateType: "RUNNING", stateName: "Running", start: 3, end: null, error: null }]);
  });

  it("falls back to the run itself when no history was read yet", () => {
    expect(attemptsOf([], { stateType: "COMPLETED", stateName: "Cached", startTime: null, endTime: 4, error: null })[0]).toMatchObject({ stateName: "Cached" });
  });
});
