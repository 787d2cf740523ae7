import { z } from "zod";
import { makeError } from "../errors.ts";
import { definitionSite } from "./definition-site.ts";
import { outcomeOf } from "./future.ts";
import { validateFlowOptions, type FlowOptions } from "./options.ts";
import { startFlowRun, type FlowDef } from "./run-flow.ts";
import { serveImplementation } from "./runtime.ts";
import type { ServeOptions } from "./serve-options.ts";
import type { State } from "./states.ts";
import type { RunOptions } from "./task.ts";

export interface FlowRunOptions extends RunOptions {
  /** Aborting it cancels the run: tasks see their signal abort and the run ends Cancelled. */
  signal?: AbortSignal;
  /** The run's id, for a caller that must know it before the run starts; a new one by default. */
  id?: string;
}

export interface Flow<A extends unknown[], R> {
  /** Runs the flow (a subflow when called inside another) and resolves to its result. */
  (...args: A): Promise<R>;
  withOptions(options: Partial<FlowOptions<A, R>>): Flow<A, R>;
  run(args: A, options: FlowRunOptions & { returnState: true }): Promise<State<R>>;
  run(args: A, options?: FlowRunOptions): Promise<R>;
  /**
   * Keeps the process alive running the flow on its schedules (registered in the run
   * history, shown in the app and `flowbench schedule ls`) until Ctrl-C or SIGTERM.
   */
  serve(options: ServeOptions): Promise<void>;
  readonly flowName: string;
  readonly options: Readonly<FlowOptions<A, R>>;
  readonly fn: (...args: A) => R | Promise<R>;
  /** A JSON Schema of the parameters, for forms; null without a `params` schema. */
  readonly paramsJsonSchema: Record<string, unknown> | null;
}

type Fn<A extends unknown[], R> = (...args: A) => R | Promise<R>;

export const FLOW_BRAND: unique symbol = Symbol.for("flowbench.flow");

export function flow<A extends unknown[], R>(fn: Fn<A, R>): Flow<A, Awaited<R>>;
export function flow<A extends unknown[], R>(options: FlowOptions<A, Awaited<R>>, fn: Fn<A, R>): Flow<A, Awaited<R>>;
export function flow<A extends unknown[], R>(a: FlowOptions<A, Awaited<R>> | Fn<A, R>, b?: Fn<A, R>): Flow<A, Awaited<R>> {
  const [options, fn] = typeof a === "function" ? [{}, a] : [a, b];
  if (typeof fn !== "function") throw makeError("invalid-options", ["flow()", "the last argument must be the flow's function"]);
  return makeFlow({ ...options }, fn as Fn<A, Awaited<R>>);
}

function makeFlow<A extends unknown[], R>(options: FlowOptions<A, R>, fn: Fn<A, R>): Flow<A, R> {
  const name = options.name ?? (fn.name || "anonymous-flow");
  validateFlowOptions(`flow '${name}'`, options);
  const def: FlowDef<A, R> = { name, fn, options, source: definitionSite() };
  let schema: Record<string, unknown> | null | undefined;
  // The finished flow object, for serve() to hand to the implementation.
  let self: Flow<A, R> | undefined;

  const call = (...args: A): Promise<R> => {
    const handle = startFlowRun(def, args);
    return handle.done.then(() => outcomeOf(handle));
  };
  const api = {
    withOptions: (changes: Partial<FlowOptions<A, R>>) => makeFlow({ ...options, ...changes }, fn),
    // async, so a rejected option (an empty id) rejects the promise instead of throwing.
    run: async (args: A, runOptions: FlowRunOptions = {}) => {
      const handle = startFlowRun(def, args, { signal: runOptions.signal, id: runOptions.id });
      return handle.done.then((state) => (runOptions.returnState ? state : outcomeOf(handle)));
    },
    serve: async (serveOptions: ServeOptions): Promise<void> => {
      const implementation = serveImplementation();
      if (!implementation) throw makeError("invalid-options", [`flow '${name}'.serve()`, "serving needs Node and the run history: import the flow from \"flowbench\" in a Node script"]);
      return implementation(self as unknown as Flow<never[], unknown>, serveOptions);
    },
    flowName: name,
    options,
    fn,
    [FLOW_BRAND]: true,
  };
  const built = Object.assign(call, api);
  // A getter, so a schema zod cannot express fails only when a form asks for it.
  Object.defineProperty(built, "paramsJsonSchema", {
    enumerable: true,
    get: () => (schema ??= options.params ? (z.toJSONSchema(options.params as z.ZodType, { unrepresentable: "any" }) as Record<string, unknown>) : null),
  });
  self = built as unknown as Flow<A, R>;
  return self;
}

export function isFlow(value: unknown): value is Flow<unknown[], unknown> {
  return typeof value === "function" && (value as { [FLOW_BRAND]?: boolean })[FLOW_BRAND] === true;
}
