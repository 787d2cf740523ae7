/**
 * The compiled flow in the code pane. Loaded on demand (editor-workspace lazy-imports it): the
 * compiler prints through TypeScript, which is megabytes the editor's first render must not wait for.
 */
import { useDeferredValue, useMemo } from "react";
import { compileGraph } from "../../shared/graph/compile/index.ts";
import { CompiledCodeView } from "../code/compiled-code-view.tsx";
import { useDocument } from "./store/context.tsx";

/** The same code export writes, following the graph as it changes. */
export function CompiledCode() {
  const graph = useDeferredValue(useDocument((s) => s.graph));
  const code = useMemo(() => {
    try {
      return compileGraph(graph).code;
    } catch (error) {
      return `// The graph does not compile yet: ${(error as Error).message}`;
    }
  }, [graph]);
  return <CompiledCodeView code={code} />;
}
