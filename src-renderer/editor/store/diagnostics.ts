/**
 * Diagnostics arrive per source (Monaco's TypeScript worker, graph
 * validation), each time as the full list for that source; nodes read them
 * grouped by node id. A node whose diagnostics did not change keeps the same
 * array, so its badge does not re-render.
 */
import { jsonEqual } from "./equal.ts";
import type { Slice } from "./store-kit.ts";
import type { NodeDiagnostic } from "./types.ts";

export type DiagnosticsBySource = ReadonlyMap<NodeDiagnostic["source"], readonly NodeDiagnostic[]>;
export type DiagnosticsByNode = Readonly<Record<string, readonly NodeDiagnostic[]>>;

/** Groups every source's diagnostics by node (sources in the order they first reported), reusing `previous` arrays that are unchanged. */
export function groupDiagnostics(bySource: DiagnosticsBySource, previous: DiagnosticsByNode): DiagnosticsByNode {
  // A Map, then fromEntries: a node id like "__proto__" stays an own key.
  const grouped = new Map<string, NodeDiagnostic[]>();
  for (const list of bySource.values()) {
    for (const d of list) {
      const into = grouped.get(d.nodeId);
      if (into) into.push(d);
      else grouped.set(d.nodeId, [d]);
    }
  }
  return Object.fromEntries(
    [...grouped].map(([nodeId, list]) => {
      const before = Object.hasOwn(previous, nodeId) ? previous[nodeId] : undefined;
      return [nodeId, before && jsonEqual(before, list) ? before : list];
    }),
  );
}

export const diagnosticsSlice: Slice<"setDiagnostics"> = (kit) => {
  const bySource = new Map<NodeDiagnostic["source"], readonly NodeDiagnostic[]>();
  return {
    setDiagnostics(source, diagnostics) {
      if (diagnostics.length === 0 && !bySource.has(source)) return;
      bySource.set(source, diagnostics);
      kit.set({ diagnostics: groupDiagnostics(bySource, kit.get().diagnostics) });
    },
  };
};
