import { describe, expect, it } from "vitest";
import { endingOf } from "./ending.ts";

const limits = { memoryLimitMb: 512, cancelGraceMs: 800 };

describe("endingOf", () => {
  it("fails a run whose file could not be loaded, with the loader's error", () => {
    const error = { name: "SyntaxError", message: "Unexpected token '}'" };
    expect(endingOf({ code: 0, failedToStart: error }, limits)).toEqual({ type: "FAILED", message: "Unexpected token '}'", error });
  });

  it("cancels a run whose worker had to be terminated, saying after how long", () => {
    expect(endingOf({ code: 1, terminated: true }, limits)).toMatchObject({
      type: "CANCELLED",
      message: "Cancelled: the run did not stop within 0.8 s, so its worker was terminated",
      error: null,
    });
    expect(endingOf({ code: 1, terminated: true }, { ...limits, cancelGraceMs: 50 }).message).toContain("within 0.05 s");
  });

  it("tells running out of memory from other uncaught errors", () => {
    const oom = Object.assign(new Error("Worker terminated due to reaching memory limit: JS heap out of memory"), { code: "ERR_WORKER_OUT_OF_MEMORY" });
    expect(endingOf({ code: 1, error: oom }, limits)).toMatchObject({ type: "CRASHED", message: "The run's worker ran out of memory (limit 512 MB)" });
    const boom = endingOf({ code: 1, error: new TypeError("x is undefined") }, limits);
    expect(boom).toMatchObject({ type: "CRASHED", message: "The run's worker threw an uncaught error: x is undefined", error: { name: "TypeError" } });
    expect(boom.error?.stack).toContain("ending.test.ts");
  });

  it("blames process.exit for any other exit, naming the code", () => {
    expect(endingOf({ code: 3 }, limits)).toEqual({
      type: "CRASHED",
      message: "The run's worker exited with code 3 (process.exit was called in the flow's code)",
      error: { name: "Error", message: "The run's worker exited with code 3 (process.exit was called in the flow's code)" },
    });
    expect(endingOf({ code: 13 }, limits).message).toContain("a promise that nothing was left to settle");
  });
});
