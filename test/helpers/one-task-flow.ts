/** Test flows of the smallest shape that takes parameters: each parameter feeds one task, whose result is the flow's output. */
import type { FlowGraph, FlowParam } from "../../shared/graph/model.ts";

const at = (x: number) => ({ x, y: 0 });

export interface OneTask {
  id: string;
  title: string;
  /** TypeScript type text of the task's result. */
  output: string;
  /** The task's body; each parameter is in scope under its own name. */
  code: string;
}

/** Inputs at x 0, the task at 300, the output at 600. */
export function oneTaskFlow({ name, params, task, header = "" }: { name: string; params: FlowParam[]; task: OneTask; header?: string }): FlowGraph {
  return {
    name,
    params,
    options: {},
    header,
    nodes: [
      ...params.map((p) => ({ id: p.name, kind: "input" as const, title: p.name, position: at(0), param: p.name })),
      { id: task.id, kind: "task", title: task.title, position: at(300), inputs: params.map((p) => ({ name: p.name, type: p.type })), output: task.output, code: task.code, options: {} },
      { id: "out", kind: "output", title: "Output", position: at(600) },
    ],
    edges: [...params.map((p) => ({ source: p.name, target: task.id, input: p.name })), { source: task.id, target: "out", input: "result" }],
  };
}
