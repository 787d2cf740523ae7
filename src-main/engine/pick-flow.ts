import { makeError } from "../../shared/errors.ts";
import { isFlow, type Flow } from "../../shared/sdk/flow.ts";

type AnyFlow = Flow<unknown[], unknown>;

/**
 * The flow a file means to run: the one `flowName` names (an export's name, or the
 * flow's own name as the UI shows it), else the default export, else its only flow.
 * Anything else is ambiguous, and guessing would run the wrong code.
 */
export function pickFlow(exports: Readonly<Record<string, unknown>>, file: string, flowName?: string): AnyFlow {
  const flows = new Map<string, AnyFlow>();
  for (const [key, value] of Object.entries(exports)) if (isFlow(value)) flows.set(key, value);
  // `export default hello` beside `export const hello` is one flow under two names.
  const distinct = [...new Set(flows.values())];
  const names = distinct.map((f) => `'${f.flowName}'`).join(", ");

  if (flowName !== undefined) {
    const named = flows.get(flowName) ?? distinct.find((f) => f.flowName === flowName);
    if (named) return named;
    throw makeError("flow-not-found", [file, `it has no flow named '${flowName}'${distinct.length ? ` (its flows: ${names})` : ""}`]);
  }
  const byDefault = flows.get("default");
  if (byDefault) return byDefault;
  const [only] = distinct;
  if (only && distinct.length === 1) return only;
  if (distinct.length === 0) throw makeError("flow-not-found", [file, "it exports no flow (export one made with flow(), ideally as the default export)"]);
  throw makeError("flow-not-found", [file, `it exports ${distinct.length} flows (${names}) and none as default; name the one to run`]);
}
