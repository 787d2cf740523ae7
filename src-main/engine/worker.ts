/**
 * A worker thread running one flow run (workerData: WorkerStart). Whatever the
 * flow's code does to this thread (loop forever, throw from a timer, exit, eat
 * memory) ends here; the host sees the worker go and records why.
 */
import { pathToFileURL } from "node:url";
import { parentPort, receiveMessageOnPort, workerData } from "node:worker_threads";
import { currentRecorder } from "../../shared/sdk/runtime.ts";
import type { RunStore } from "../../shared/store/types.ts";
import { describeLoadError } from "./load-error.ts";
import { pickFlow } from "./pick-flow.ts";
import type { HostMessage, WarmStart, WorkerMessage, WorkerStart } from "./protocol.ts";
import { notifyingStore } from "./worker-store.ts";

if (!parentPort) throw new Error("worker.ts runs only as an engine worker thread");
const port = parentPort;
const initial = workerData as WorkerStart | WarmStart;
const post = (message: WorkerMessage): void => port.postMessage(message);

// A cancel can arrive while the flow file is still loading: the signal remembers it.
const controller = new AbortController();
let started: (start: WorkerStart) => void = () => undefined;
const given = "warm" in initial ? new Promise<WorkerStart>((resolve) => (started = resolve)) : Promise.resolve(initial);
const receive = (message: HostMessage): void => {
  switch (message.type) {
    case "cancel":
      controller.abort(new Error(message.reason));
      break;
    case "start":
      started(message.start);
      break;
  }
};
port.on("message", receive);
// Unref'd, so a flow stuck on a promise nothing can settle ends the worker (code 13) instead of hanging it.
// A warm worker keeps it ref'd until its run arrives.
if (!("warm" in initial)) port.unref();

// The SDK's exit handler would mark the run Crashed with a generic "the process exited";
// here the host knows why the worker went (the code, the error, memory) and records that,
// so ours only writes the history still pending. Imported dynamically to see what it adds.
const ownListeners = new Set(process.listeners("exit"));
const sdk = await import("../sdk.ts");
for (const listener of process.listeners("exit")) if (!ownListeners.has(listener)) process.off("exit", listener);
let store: RunStore | undefined;
process.on("exit", () => {
  currentRecorder()?.flushSync();
  void store?.close();
});

let flow;
let start: WorkerStart | undefined;
try {
  store = sdk.openSqliteStore(initial.dbPath);
  sdk.configure({ store: notifyingStore(store, () => post({ type: "flushed" })), consoleLevel: "off", flushDelayMs: 10 });
  start = await given;
  port.unref();
  const exports = (await import(pathToFileURL(start.file).href)) as Record<string, unknown>;
  flow = pickFlow(exports, start.file, start.flowName);
} catch (error) {
  post({ type: "failed-to-start", error: describeLoadError(error, start?.file ?? initial.dbPath) });
  process.exit(0);
}

// Loading may never have yielded to the event loop, leaving a cancel undelivered; a quick
// flow would then run to its end without ever seeing it.
for (let queued = receiveMessageOnPort(port); queued; queued = receiveMessageOnPort(port)) receive(queued.message as HostMessage);
const args = start.params === undefined ? [] : [start.params];
const state = await flow.run(args, { returnState: true, signal: controller.signal, id: start.runId });
await sdk.flushHistory();
post({ type: "done", stateType: state.type, stateName: state.name, message: state.message ?? null });
// Exit now: timers or sockets the flow's code left open must not keep the worker alive.
process.exit(0);
