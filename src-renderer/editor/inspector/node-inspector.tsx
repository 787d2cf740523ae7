/** The selected node: title, and per kind its code, ports and options, or what it points at. */
import { lazy, Suspense } from "react";
import { isCodeNode, type CodeNode, type GraphNode } from "../../../shared/graph/model.ts";
import { TEMPLATES } from "../../../shared/graph/templates.ts";
import { useDocument } from "../store/context.tsx";
import { Field, Select, TextInput } from "../../ui/field.tsx";
import { PortsEditor } from "./ports-editor.tsx";
import { Section } from "./section.tsx";
import { SubflowTarget } from "./subflow-target.tsx";
import { TaskOptionsForm } from "./task-options-form.tsx";
import { DiagnosticList } from "./diagnostic-list.tsx";
import { NodeRunDetails } from "../run/node-run-details.tsx";

// Monaco is megabytes: it loads the first time a code node is opened.
const NodeCodeEditor = lazy(() => import("../../code/node-code-editor.tsx").then((m) => ({ default: m.NodeCodeEditor })));

const KIND_LABEL: Record<GraphNode["kind"], string> = {
  task: "Task",
  map: "Map: runs once per item of its first input",
  branch: "Branch: returns true or false",
  input: "Parameter",
  output: "Output: the flow's result",
  subflow: "Subflow: calls another saved flow",
};

export function NodeInspector({ node }: { node: GraphNode }) {
  const renameNode = useDocument((s) => s.renameNode);
  const template = node.kind === "task" && node.template ? TEMPLATES[node.template] : undefined;
  return (
    <div className="flex flex-col" data-testid="node-inspector">
      <div className="border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
        <p className="text-[11px] font-medium tracking-wide text-zinc-500 uppercase">{template ? `${template.title} template` : KIND_LABEL[node.kind]}</p>
        <TextInput aria-label="Node title" data-testid="node-title" className="mt-1 text-[14px] font-semibold" value={node.title} onChange={(e) => renameNode(node.id, e.target.value)} />
      </div>
      <NodeRunDetails nodeId={node.id} />
      <DiagnosticList nodeId={node.id} />
      {isCodeNode(node) ? <CodeNodeSections node={node} /> : <OtherNodeSection node={node} />}
    </div>
  );
}

function CodeNodeSections({ node }: { node: CodeNode }) {
  const setNodeInputs = useDocument((s) => s.setNodeInputs);
  const setNodeOutputType = useDocument((s) => s.setNodeOutputType);
  const updateNodeOptions = useDocument((s) => s.updateNodeOptions);
  return (
    <>
      <Section title="Code" flush>
        <div className="h-[300px] border-y border-zinc-200 dark:border-zinc-800">
          <Suspense fallback={<p className="p-3 text-zinc-500">Loading the editor…</p>}>
            <NodeCodeEditor nodeId={node.id} />
          </Suspense>
        </div>
      </Section>
      <Section title="Inputs">
        <PortsEditor inputs={node.inputs} onChange={(inputs) => setNodeInputs(node.id, inputs)} />
      </Section>
      {node.kind !== "branch" ? (
        <Section title="Result type">
          <TextInput
            aria-label="Result type"
            className="font-mono"
            value={node.output ?? ""}
            placeholder="inferred from the code"
            onChange={(e) => setNodeOutputType(node.id, e.target.value.trim() ? e.target.value : undefined)}
          />
        </Section>
      ) : null}
      <Section title="Options">
        <TaskOptionsForm options={node.options} onChange={(patch) => updateNodeOptions(node.id, patch)} />
      </Section>
    </>
  );
}

function OtherNodeSection({ node }: { node: GraphNode }) {
  const params = useDocument((s) => s.graph.params);
  const updateNodeTarget = useDocument((s) => s.updateNodeTarget);
  if (node.kind === "input") {
    return (
      <Section title="Parameter">
        <Field label="Takes the value of" htmlFor="input-param">
          <Select id="input-param" value={node.param} onChange={(e) => updateNodeTarget(node.id, e.target.value)}>
            {params.some((p) => p.name === node.param) ? null : <option value={node.param}>{node.param} (not a parameter)</option>}
            {params.map((p) => (
              <option key={p.name} value={p.name}>
                {p.name}: {p.type}
              </option>
            ))}
          </Select>
        </Field>
        <p className="mt-2 text-zinc-500">Parameters are edited in the flow's panel (click empty canvas).</p>
      </Section>
    );
  }
  if (node.kind === "subflow") return <SubflowTarget node={node} onChange={(flow) => updateNodeTarget(node.id, flow)} />;
  return (
    <Section title="Result">
      <p className="text-zinc-500">
        Connect node results here. One input named <code>result</code> is returned as is; several are returned as an object with those keys.
      </p>
    </Section>
  );
}
