import { flow, getRunContext } from "flowbench";
import { afterAll, describe, expect, it } from "vitest";
import { useTempHistory } from "../helpers/history.ts";

const history = useTempHistory();
afterAll(() => history[Symbol.asyncDispose]());

describe("a run id chosen by the caller", () => {
  it("is the run's id in the context and in the history", async () => {
    const f = flow({ name: "named-by-caller" }, async () => getRunContext().flowRunId);
    const id = "0190f0e0-0000-7000-8000-000000000001";
    const state = await f.run([], { returnState: true, id });
    expect(state).toMatchObject({ type: "COMPLETED", result: id });
    expect(await history.store.getFlowRun(id)).toMatchObject({ id, flowName: "named-by-caller", stateType: "COMPLETED" });
    expect((await history.store.listStates(id)).map((s) => s.type)).toEqual(["PENDING", "RUNNING", "COMPLETED"]);
  });

  it("rejects an empty id without recording a run", async () => {
    const f = flow({ name: "empty-id" }, async () => 1);
    await expect(f.run([], { id: "" })).rejects.toThrow("Invalid options for flow 'empty-id': a run id must not be empty");
    expect((await history.store.listFlowRuns({ flowName: "empty-id" })).items).toEqual([]);
  });
});
