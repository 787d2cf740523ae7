import { useDocument } from "../store/context.tsx";
import { FlowPanel } from "./flow-panel.tsx";
import { NodeInspector } from "./node-inspector.tsx";

/** One selected node shows its inspector; anything else shows the flow's panel. */
export function Inspector() {
  const node = useDocument((s) => (s.selection.nodes.length === 1 ? s.graph.nodes.find((n) => n.id === s.selection.nodes[0]) : undefined));
  const count = useDocument((s) => s.selection.nodes.length);
  if (node) return <NodeInspector key={node.id} node={node} />;
  return (
    <>
      {count > 1 ? <p className="border-b border-zinc-200 px-4 py-2 text-zinc-500 dark:border-zinc-800">{count} nodes selected</p> : null}
      <FlowPanel />
    </>
  );
}
