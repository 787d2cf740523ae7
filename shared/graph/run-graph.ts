/**
 * The graph of a run as it happened, from the recorded task runs and the
 * links between them. It needs no flow graph, so flows written as code (that
 * the canvas cannot show) get a run graph too.
 */
import type { StateType } from "../sdk/states.ts";
import type { FlowRunRecord, TaskRunRecord } from "../store/types.ts";
import { isCodeNode, type FlowGraph } from "./model.ts";

export interface RunGraphNode {
  /** The task run's (or child flow run's) id. */
  id: string;
  kind: "task" | "subflow";
  name: string;
  /** The task's name, or the child flow's. */
  label: string;
  stateType: StateType;
  stateName: string;
  startTime: number | null;
  endTime: number | null;
}

export interface RunGraph {
  nodes: RunGraphNode[];
  /** From a run whose result went into another's arguments. */
  edges: Array<{ source: string; target: string }>;
}

export function buildRunGraph(taskRuns: readonly TaskRunRecord[], childFlowRuns: readonly FlowRunRecord[] = []): RunGraph {
  const nodes: RunGraphNode[] = [
    ...taskRuns.map((t) => ({ id: t.id, kind: "task" as const, name: t.name, label: t.taskName, stateType: t.stateType, stateName: t.stateName, startTime: t.startTime, endTime: t.endTime, createdAt: t.createdAt })),
    ...childFlowRuns.map((f) => ({ id: f.id, kind: "subflow" as const, name: f.name, label: f.flowName, stateType: f.stateType, stateName: f.stateName, startTime: f.startTime, endTime: f.endTime, createdAt: f.createdAt })),
  ]
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
    .map(({ createdAt: _createdAt, ...node }) => node);
  const known = new Set(nodes.map((n) => n.id));
  const edges: RunGraph["edges"] = [];
  for (const t of taskRuns) for (const up of t.upstream) if (known.has(up)) edges.push({ source: up, target: t.id });
  return { nodes, edges };
}

/** Which task runs belong to which node of a flow graph: a task run carries its task's name, the node's title. */
export function taskRunsByNode(graph: FlowGraph, taskRuns: readonly TaskRunRecord[]): Map<string, TaskRunRecord[]> {
  const byTitle = new Map<string, string>();
  for (const node of graph.nodes) if (isCodeNode(node)) byTitle.set(node.title, node.id);
  const out = new Map<string, TaskRunRecord[]>();
  for (const run of taskRuns) {
    const nodeId = byTitle.get(run.taskName);
    if (nodeId === undefined) continue;
    const list = out.get(nodeId);
    if (list) list.push(run);
    else out.set(nodeId, [run]);
  }
  return out;
}
