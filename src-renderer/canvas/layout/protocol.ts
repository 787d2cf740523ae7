import type { ElkNode } from "elkjs/lib/elk-api";

export type LayoutRequest = { requestId: number; graph: ElkNode };
export type LayoutResponse =
  | { requestId: number; ok: true; graph: ElkNode }
  | { requestId: number; ok: false; error: { name: string; message: string } };
