/** The flow itself, shown when no node is selected: name, description, parameters, options, imports. */
import { Plus, X } from "lucide-react";
import { useEffect, useState } from "react";
import type { FlowParam } from "../../../shared/graph/model.ts";
import { FlowSettingsLink } from "../../schedules/settings-entry.tsx";
import { useDocument } from "../store/context.tsx";
import { Button } from "../../ui/button.tsx";
import { Field, TextArea, TextInput } from "../../ui/field.tsx";
import { NumberField } from "./number-field.tsx";
import { Section } from "./section.tsx";

export function FlowPanel() {
  const name = useDocument((s) => s.graph.name);
  const description = useDocument((s) => s.graph.description);
  const header = useDocument((s) => s.graph.header);
  const updateFlowMeta = useDocument((s) => s.updateFlowMeta);
  return (
    <div className="flex flex-col" data-testid="flow-panel">
      <div className="border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
        <p className="text-[11px] font-medium tracking-wide text-zinc-500 uppercase">Flow</p>
        <div className="mt-2 flex flex-col gap-3">
          <Field label="Name" htmlFor="flow-name" hint="Runs are recorded under this name">
            <TextInput id="flow-name" data-testid="flow-name" value={name} onChange={(e) => updateFlowMeta({ name: e.target.value })} />
          </Field>
          <Field label="Description" htmlFor="flow-description">
            <TextArea id="flow-description" rows={2} value={description ?? ""} onChange={(e) => updateFlowMeta({ description: e.target.value || undefined })} />
          </Field>
        </div>
      </div>
      <ParamsSection />
      <FlowOptionsSection />
      <Section title="Schedules and triggers">
        <FlowSettingsLink />
      </Section>
      <Section title="Imports and shared code">
        <TextArea
          aria-label="Imports and shared code"
          className="font-mono text-[12px]"
          rows={5}
          spellCheck={false}
          value={header}
          placeholder={'import { z } from "zod";'}
          onChange={(e) => updateFlowMeta({ header: e.target.value })}
        />
        <p className="mt-1 text-[12px] text-zinc-500">Placed above the tasks in the file; every node can use what it declares.</p>
      </Section>
    </div>
  );
}

function ParamsSection() {
  const params = useDocument((s) => s.graph.params);
  const addParam = useDocument((s) => s.addParam);
  const updateParam = useDocument((s) => s.updateParam);
  const removeParam = useDocument((s) => s.removeParam);
  return (
    <Section
      title="Parameters"
      actions={
        <Button variant="ghost" icon={<Plus size={14} />} onClick={() => addParam()} data-testid="add-param">
          Add
        </Button>
      }
    >
      {params.length === 0 ? <p className="text-zinc-500">No parameters. A run passes them as JSON: <code>node flow.ts --params '{"{...}"}'</code>.</p> : null}
      <div className="flex flex-col gap-3" data-testid="flow-params">
        {params.map((param, i) => (
          <ParamRow key={i} param={param} onChange={(patch) => updateParam(i, patch)} onRemove={() => removeParam(i)} />
        ))}
      </div>
    </Section>
  );
}

function ParamRow({ param, onChange, onRemove }: { param: FlowParam; onChange: (patch: Partial<FlowParam>) => void; onRemove: () => void }) {
  const shownDefault = param.default === undefined ? "" : JSON.stringify(param.default);
  const [defaultText, setDefaultText] = useState(shownDefault);
  const [defaultError, setDefaultError] = useState<string | undefined>();
  useEffect(() => setDefaultText(shownDefault), [shownDefault]);
  return (
    <div className="rounded-md border border-zinc-200 p-2 dark:border-zinc-800">
      <div className="flex items-center gap-1.5">
        <TextInput aria-label="Parameter name" className="font-mono" value={param.name} onChange={(e) => onChange({ name: e.target.value })} />
        <span className="text-zinc-400">:</span>
        <TextInput aria-label={`Type of ${param.name}`} className="font-mono" value={param.type} onChange={(e) => onChange({ type: e.target.value })} />
        <Button variant="ghost" label={`Remove parameter ${param.name}`} icon={<X size={14} />} onClick={onRemove} />
      </div>
      <div className="mt-1.5">
        <TextInput
          aria-label={`Default of ${param.name}`}
          className="font-mono"
          placeholder="default (JSON), e.g. 10 or &quot;text&quot;"
          value={defaultText}
          aria-invalid={!!defaultError}
          onChange={(e) => {
            const text = e.target.value;
            setDefaultText(text);
            if (text.trim() === "") {
              setDefaultError(undefined);
              return onChange({ default: undefined });
            }
            try {
              onChange({ default: JSON.parse(text) as FlowParam["default"] });
              setDefaultError(undefined);
            } catch {
              setDefaultError("Not JSON: write strings in double quotes, e.g. \"hello\"");
            }
          }}
        />
        {defaultError ? <p className="mt-0.5 text-[12px] text-red-600">{defaultError}</p> : null}
      </div>
    </div>
  );
}

function FlowOptionsSection() {
  const options = useDocument((s) => s.graph.options);
  const updateFlowOptions = useDocument((s) => s.updateFlowOptions);
  return (
    <Section title="Flow options">
      <div className="grid grid-cols-2 gap-3">
        <NumberField label="Retries" value={options.retries} integer onChange={(retries) => updateFlowOptions({ retries })} placeholder="0" />
        <NumberField label="Timeout (s)" value={options.timeoutMs} scale={1000} min={0.001} onChange={(timeoutMs) => updateFlowOptions({ timeoutMs })} placeholder="none" />
        <NumberField label="Task concurrency" value={options.taskConcurrency} integer min={1} onChange={(taskConcurrency) => updateFlowOptions({ taskConcurrency })} placeholder="unlimited" />
        <NumberField label="Retry delay (s)" value={typeof options.retryDelayMs === "number" ? options.retryDelayMs : undefined} scale={1000} onChange={(retryDelayMs) => updateFlowOptions({ retryDelayMs })} placeholder="0" />
      </div>
    </Section>
  );
}
