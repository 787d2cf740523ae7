/**
 * Every call goes through here: the method must exist, its input must match
 * the contract (a readable error names each wrong field), mutations need a
 * caller that may mutate, and the output is checked before it leaves. Nothing
 * a caller sends can make this throw.
 */
import { ApiError, describeIssues, type Envelope } from "../../shared/api/errors.ts";
import { isMethodName, METHODS, type MethodName, type MethodOutput } from "../../shared/api/contract.ts";
import { FlowbenchError } from "../../shared/errors.ts";
import type { CallContext } from "./types.ts";

export type Handler<M extends MethodName> = (input: (typeof METHODS)[M]["input"]["_zod"]["output"], ctx: CallContext) => Promise<MethodOutput<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };

export async function dispatch(handlers: Handlers, method: string, input: unknown, ctx: CallContext): Promise<Envelope<unknown>> {
  try {
    if (!isMethodName(method)) throw new ApiError("unknown-method", `There is no method '${String(method).slice(0, 100)}'`);
    const def = METHODS[method];
    if (def.mutation && !ctx.mayMutate) throw new ApiError("unauthorized", `${method} changes things, so it needs the server's token (the x-flowbench-token header)`);
    const parsed = def.input.safeParse(input ?? {});
    if (!parsed.success) throw new ApiError("invalid-input", `Invalid input for ${method}: ${describeIssues(parsed.error.issues)}`, { issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })) });
    const result = await (handlers[method] as Handler<MethodName>)(parsed.data, ctx);
    const checked = def.output.safeParse(result);
    if (!checked.success) throw new ApiError("internal", `The host gave ${method} an answer the contract does not allow: ${describeIssues(checked.error.issues)}`);
    return { ok: true, result: checked.data };
  } catch (error) {
    return { ok: false, error: toApiError(error).toBody() };
  }
}

/** Known failures keep their meaning; anything else is an internal error with its message. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof FlowbenchError) {
    const code = error.code === "graph-invalid" ? "graph-invalid" : error.code === "store-unavailable" ? "unavailable" : error.code.startsWith("invalid") ? "invalid-input" : "bad-request";
    return new ApiError(code, error.message, error.details);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ApiError("internal", `The host failed: ${message}`);
}
