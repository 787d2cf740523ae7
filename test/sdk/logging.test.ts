import { flow, getLogger, subscribe, task } from "flowbench";
import { afterAll, describe, expect, it } from "vitest";
import { useTempHistory } from "../helpers/history.ts";

const history = useTempHistory();
afterAll(() => history[Symbol.asyncDispose]());

const logsOf = async (flowName: string) => {
  const [run] = (await history.store.listFlowRuns({ flowName })).items;
  return (await history.store.listLogs({ flowRunId: run!.id })).items;
};

describe("logs", () => {
  it("files logger lines under the flow run and task run, with levels", async () => {
    const log = getLogger(); // made outside any run: it looks the run up at each call
    const step = task(async function step() {
      log.debug("details %d", 42);
      log.warning("careful");
    });
    const logged = flow(async function logged() {
      log.info("starting");
      await step();
      log.error("done badly", { code: 7 });
    });
    await logged();
    const logs = await logsOf("logged");
    expect(logs.map((l) => [l.level, l.message, l.taskRunId !== null])).toEqual([
      [20, "starting", false],
      [10, "details 42", true],
      [30, "careful", true],
      [40, "done badly { code: 7 }", false],
    ]);
  });

  it("captures console.* as logs with logPrints, per run, and leaves other output alone", async () => {
    const printing = task({ logPrints: true }, async function printing() {
      console.log("printed", 1, { a: 1 });
      console.error("oops");
    });
    const quiet = task({ logPrints: false }, async function quiet() {
      console.log("not captured");
    });
    const printer = flow(async function printer() {
      await printing();
      await quiet();
    });
    await printer();
    const logs = await logsOf("printer");
    expect(logs.map((l) => [l.level, l.message])).toEqual([
      [20, "printed 1 { a: 1 }"],
      [40, "oops"],
    ]);
  });

  it("inherits logPrints from the flow", async () => {
    const inner = task(async function inner() {
      console.info("from the task");
    });
    const loud = flow({ logPrints: true }, async function loud() {
      console.warn("from the flow");
      await inner();
    });
    await loud();
    expect((await logsOf("loud")).map((l) => l.message)).toEqual(["from the flow", "from the task"]);
  });

  it("streams log events to subscribers as they happen", async () => {
    const seen: string[] = [];
    const off = subscribe((e) => {
      if (e.kind === "log") seen.push(e.log.message);
      if (e.kind === "task-run-state") seen.push(`${e.run.taskName}:${e.state.name}`);
    });
    const t = task(async function evented() {
      getLogger().info("hello");
    });
    await flow(async function streamed() {
      await t();
    })();
    off();
    expect(seen).toEqual(["evented:Pending", "evented:Running", "hello", "evented:Completed"]);
  });

  it("keeps every line of a long run", async () => {
    const chatty = flow(async function chatty() {
      const log = getLogger();
      for (let i = 0; i < 25_000; i++) log.info(`line ${i}`);
    });
    await chatty();
    const [run] = (await history.store.listFlowRuns({ flowName: "chatty" })).items;
    let count = 0;
    let cursor: string | null = null;
    do {
      const page = await history.store.listLogs({ flowRunId: run!.id, cursor, limit: 10_000 });
      count += page.items.length;
      cursor = page.nextCursor;
    } while (cursor);
    expect(count).toBe(25_000);
  });
});
