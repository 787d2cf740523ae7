/** The SDK's browser-safe surface. Node users import "flowbench", which adds the SQLite store. */
export { task, isTask, type Task, type TaskInputs, type MaybeFuture, type RunOptions } from "./task.ts";
export { flow, isFlow, type Flow, type FlowRunOptions } from "./flow.ts";
export { TaskFuture } from "./future.ts";
export { getRunContext, type RunContext } from "./context.ts";
export { getLogger, type Logger } from "./logger.ts";
export { subscribe, type RunEvent, type RunEventListener } from "./events.ts";
export { configure, flushHistory, getStore, type ConfigureOptions } from "./runtime.ts";
export { STATE_TYPES, isTerminal, describeState, type State, type StateType, type StateName } from "./states.ts";
export type { TaskOptions, FlowOptions, TaskHookInfo, FlowHookInfo, CacheKeyContext, CacheKeyOption, Hook, ParamsSchema } from "./options.ts";
export type { RetryDelay } from "./retry.ts";
export type { ServeOptions } from "./serve-options.ts";
export { NonRetryableError, TimeoutError, CancelledError, FlowbenchError, type SerializedError } from "../errors.ts";
export { MemoryStore } from "../store/memory.ts";
export type * from "../store/types.ts";
export { LOG_LEVELS } from "../store/types.ts";
