/**
 * A value preview as collapsible JSON. Previews may be cut short by the
 * recorder; whatever does not parse is shown as text. Big values are capped
 * per level so a 10 MB result cannot freeze the page.
 */
const MAX_ENTRIES = 100;
const MAX_TEXT = 2000;

export function JsonView({ text, testId }: { text: string | null; testId?: string }) {
  if (text === null) return <p className="text-zinc-500">none</p>;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return (
      <pre data-testid={testId} className="max-h-60 overflow-auto rounded bg-zinc-100 p-2 font-mono text-[12px] whitespace-pre-wrap break-all dark:bg-zinc-800/60">
        {text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}… (${text.length.toLocaleString()} characters)` : text}
      </pre>
    );
  }
  return (
    <div data-testid={testId} className="max-h-60 overflow-auto rounded bg-zinc-100 p-2 font-mono text-[12px] dark:bg-zinc-800/60">
      <Node value={value} depth={0} />
    </div>
  );
}

function Node({ value, depth, name }: { value: unknown; depth: number; name?: string }) {
  const label = name !== undefined ? <span className="text-violet-700 dark:text-violet-300">{JSON.stringify(name)}: </span> : null;
  if (value === null || typeof value !== "object") {
    const shown = typeof value === "string" && value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value;
    return (
      <div>
        {label}
        <span className={typeof value === "string" ? "text-emerald-700 dark:text-emerald-300" : "text-sky-700 dark:text-sky-300"}>{JSON.stringify(shown)}</span>
      </div>
    );
  }
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value as Record<string, unknown>);
  const open = Array.isArray(value) ? "[" : "{";
  const close = Array.isArray(value) ? "]" : "}";
  return (
    <details open={depth < 1}>
      <summary className="cursor-pointer">
        {label}
        {open}
        <span className="text-zinc-500"> {entries.length} {Array.isArray(value) ? "items" : "keys"} </span>
        {close}
      </summary>
      <div className="ml-4">
        {entries.slice(0, MAX_ENTRIES).map(([k, v]) => (
          <Node key={k} value={v} depth={depth + 1} {...(Array.isArray(value) ? {} : { name: k })} />
        ))}
        {entries.length > MAX_ENTRIES ? <div className="text-zinc-500">… {entries.length - MAX_ENTRIES} more</div> : null}
      </div>
    </details>
  );
}
