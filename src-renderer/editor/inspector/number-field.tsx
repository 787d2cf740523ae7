/**
 * A number the user types, committed only when it parses: half-typed input
 * ("1.", "") never reaches the graph, and a wrong value says what is wrong.
 */
import { useEffect, useState } from "react";
import { Field, TextInput } from "../../ui/field.tsx";

export interface NumberFieldProps {
  label: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  /** Shown value = stored value / scale (e.g. 1000 to edit milliseconds as seconds). */
  scale?: number;
  min?: number;
  integer?: boolean;
  hint?: string;
  placeholder?: string;
  testId?: string;
}

export function NumberField({ label, value, onChange, scale = 1, min = 0, integer, hint, placeholder, testId }: NumberFieldProps) {
  const shown = value === undefined ? "" : String(value / scale);
  const [text, setText] = useState(shown);
  const [error, setError] = useState<string | undefined>();
  useEffect(() => setText(shown), [shown]);
  const id = `num-${label.replace(/\W+/g, "-").toLowerCase()}`;
  return (
    <Field label={label} hint={hint} error={error} htmlFor={id}>
      <TextInput
        id={id}
        inputMode="decimal"
        value={text}
        placeholder={placeholder}
        aria-invalid={!!error}
        data-testid={testId}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          if (next.trim() === "") {
            setError(undefined);
            return onChange(undefined);
          }
          const n = Number(next);
          if (!Number.isFinite(n)) return setError(`'${next}' is not a number`);
          if (n < min) return setError(`Must be at least ${min}`);
          if (integer && !Number.isInteger(n)) return setError("Must be a whole number");
          setError(undefined);
          onChange(Math.round(n * scale * 1000) / 1000);
        }}
      />
    </Field>
  );
}
