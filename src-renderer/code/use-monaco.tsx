import { useEffect, useState } from "react";
import { loadMonaco, type MonacoApi } from "./monaco.ts";

let loaded: MonacoApi | null = null;

/** Monaco once it has loaded (null until then), plus the load error if any. */
export function useMonaco(): { monaco: MonacoApi | null; error: string | null } {
  const [monaco, setMonaco] = useState<MonacoApi | null>(loaded);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (monaco) return;
    let live = true;
    loadMonaco().then(
      (m) => {
        loaded = m;
        if (live) setMonaco(m);
      },
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [monaco]);
  return { monaco, error };
}

export function MonacoLoading({ error }: { error: string | null }) {
  return (
    <div className="flex h-full items-center justify-center text-xs text-neutral-500" role="status">
      {error ? `The code editor failed to load: ${error}` : "Loading editor…"}
    </div>
  );
}

let counter = 0;
/** A fresh model URI: StrictMode and several open editors must never share one. */
export function uniqueUri(monaco: MonacoApi, name: string): MonacoApi["Uri"]["prototype"] {
  return monaco.Uri.parse(`file:///flowbench/${++counter}-${encodeURIComponent(name)}.ts`);
}
