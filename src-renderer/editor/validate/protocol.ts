import type { GraphProblem } from "../../../shared/graph/index.ts";

export type ValidateRequest = { requestId: number; graph: unknown };
export type ValidateResponse =
  | { requestId: number; ok: true; problems: GraphProblem[] }
  | { requestId: number; ok: false; error: { name: string; message: string } };
