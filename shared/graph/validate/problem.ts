/** What validation reports: every problem, each tied to what a person can click on. */

export type ProblemCode =
  | "not-json"
  | "schema"
  | "unknown-kind"
  | "duplicate-id"
  | "dangling-edge"
  | "bad-edge"
  | "unknown-input"
  | "double-connection"
  | "unconnected-input"
  | "unknown-param"
  | "duplicate-param-node"
  | "several-outputs"
  | "empty-output"
  | "name-clash"
  | "reserved-name"
  | "cycle"
  | "path-conflict"
  | "output-on-path"
  | "type-mismatch"
  | "syntax"
  /** From the full type check of the compiled file (src-main). */
  | "type-error"
  | "bad-default"
  | "bad-description"
  | "empty-title";

export interface GraphProblem {
  code: ProblemCode;
  severity: "error" | "warning";
  message: string;
  /** The node the problem is on, for its badge and to select it. */
  nodeId?: string;
  /** Index into `edges`, for problems on a connection. */
  edgeIndex?: number;
  /** Where in the JSON, for schema problems. */
  path?: (string | number)[];
  /** For problems in a node's code: 1-based, within the code. */
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

export function error(code: ProblemCode, message: string, extra: Partial<GraphProblem> = {}): GraphProblem {
  return { code, severity: "error", message, ...extra };
}

export function warning(code: ProblemCode, message: string, extra: Partial<GraphProblem> = {}): GraphProblem {
  return { code, severity: "warning", message, ...extra };
}
