import { useEffect, useState } from "react";
import type { FlowSummary } from "../../../shared/api/contract.ts";
import type { SubflowNode } from "../../../shared/graph/model.ts";
import { useApi } from "../../app/api-context.tsx";
import { Field, Select } from "../../ui/field.tsx";
import { Section } from "./section.tsx";

export function SubflowTarget({ node, onChange }: { node: SubflowNode; onChange: (flow: string) => void }) {
  const client = useApi();
  const [flows, setFlows] = useState<FlowSummary[]>([]);
  useEffect(() => {
    client.call("flows.list", {}).then((r) => setFlows(r.flows), () => setFlows([]));
  }, [client]);
  return (
    <Section title="Calls">
      <Field label="Flow" htmlFor="subflow-target" hint="Its parameters become this node's inputs">
        <Select id="subflow-target" value={node.flow} onChange={(e) => onChange(e.target.value)}>
          {flows.some((f) => f.id === node.flow) ? null : <option value={node.flow}>{node.flow} (not found)</option>}
          {flows.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name} ({f.id}.ts)
            </option>
          ))}
        </Select>
      </Field>
    </Section>
  );
}
