/** A code node's options as a form: retries, delays, timeout, caching, tags and logging. */
import { useEffect, useState } from "react";
import type { TaskGraphOptions } from "../../../shared/graph/model.ts";
import { Field, Select, TextInput } from "../../ui/field.tsx";
import { NumberField } from "./number-field.tsx";

export function TaskOptionsForm({ options, onChange }: { options: TaskGraphOptions; onChange: (patch: Partial<TaskGraphOptions>) => void }) {
  return (
    <div className="grid grid-cols-2 gap-3" data-testid="task-options">
      <NumberField label="Retries" value={options.retries} integer onChange={(retries) => onChange({ retries })} placeholder="0" testId="option-retries" />
      <RetryDelays value={options.retryDelayMs} onChange={(retryDelayMs) => onChange({ retryDelayMs })} />
      <NumberField label="Timeout (s)" value={options.timeoutMs} scale={1000} min={0.001} onChange={(timeoutMs) => onChange({ timeoutMs })} placeholder="none" testId="option-timeout" />
      <NumberField label="Retry jitter (0–1)" value={options.retryJitter} onChange={(retryJitter) => onChange({ retryJitter: retryJitter === undefined ? undefined : Math.min(1, retryJitter) })} placeholder="0" />
      <Field label="Cache key" htmlFor="option-cache-key">
        <Select
          id="option-cache-key"
          value={options.cacheKey ?? ""}
          onChange={(e) => onChange({ cacheKey: (e.target.value || undefined) as TaskGraphOptions["cacheKey"] })}
        >
          <option value="">No caching</option>
          <option value="inputs">Inputs</option>
          <option value="source+inputs">Code and inputs</option>
        </Select>
      </Field>
      <NumberField
        label="Cache expiry (s)"
        value={options.cacheExpiresInMs}
        scale={1000}
        min={0.001}
        onChange={(cacheExpiresInMs) => onChange({ cacheExpiresInMs })}
        placeholder="never"
        hint={options.cacheKey ? undefined : "Applies when a cache key is set"}
      />
      <div className="col-span-2">
        <TagsField value={options.tags} onChange={(tags) => onChange({ tags })} />
      </div>
      <div className="col-span-2 flex flex-wrap gap-x-4 gap-y-1">
        <Check label="Log console output" checked={options.logPrints} onChange={(logPrints) => onChange({ logPrints })} />
        <Check label="Keep result" checked={options.persistResult} onChange={(persistResult) => onChange({ persistResult })} />
        <Check label="Refresh cache" checked={options.refreshCache} onChange={(refreshCache) => onChange({ refreshCache })} />
      </div>
    </div>
  );
}

function Check({ label, checked, onChange }: { label: string; checked: boolean | undefined; onChange: (value: boolean | undefined) => void }) {
  return (
    <label className="flex items-center gap-1.5 text-[13px]">
      <input type="checkbox" checked={checked ?? false} onChange={(e) => onChange(e.target.checked || undefined)} className="accent-accent-600" />
      {label}
    </label>
  );
}

/** One delay for every retry, or a list: "1, 5, 30" seconds. */
function RetryDelays({ value, onChange }: { value: number | number[] | undefined; onChange: (value: number | number[] | undefined) => void }) {
  const shown = value === undefined ? "" : (Array.isArray(value) ? value : [value]).map((ms) => ms / 1000).join(", ");
  const [text, setText] = useState(shown);
  const [error, setError] = useState<string | undefined>();
  useEffect(() => setText(shown), [shown]);
  return (
    <Field label="Retry delay (s)" error={error} htmlFor="option-retry-delay" hint="One value, or one per retry: 1, 5, 30">
      <TextInput
        id="option-retry-delay"
        value={text}
        placeholder="0"
        aria-invalid={!!error}
        onChange={(e) => {
          setText(e.target.value);
          const parts = e.target.value.split(",").map((p) => p.trim()).filter(Boolean);
          if (parts.length === 0) {
            setError(undefined);
            return onChange(undefined);
          }
          const numbers = parts.map(Number);
          const bad = parts.find((_, i) => !Number.isFinite(numbers[i]) || numbers[i]! < 0);
          if (bad !== undefined) return setError(`'${bad}' is not a delay in seconds`);
          setError(undefined);
          const ms = numbers.map((n) => Math.round(n * 1000));
          onChange(ms.length === 1 ? ms[0] : ms);
        }}
      />
    </Field>
  );
}

function TagsField({ value, onChange }: { value: string[] | undefined; onChange: (tags: string[] | undefined) => void }) {
  const shown = (value ?? []).join(", ");
  const [text, setText] = useState(shown);
  useEffect(() => setText(shown), [shown]);
  return (
    <Field label="Tags" htmlFor="option-tags" hint="Comma-separated; concurrency limits and filters use them">
      <TextInput
        id="option-tags"
        value={text}
        placeholder="db, nightly"
        onChange={(e) => {
          setText(e.target.value);
          const tags = [...new Set(e.target.value.split(",").map((t) => t.trim()).filter(Boolean))];
          onChange(tags.length ? tags : undefined);
        }}
      />
    </Field>
  );
}
