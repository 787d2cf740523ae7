/** The flow's run policy: what a scheduled or triggered run does while earlier runs still go, and how many may run at once. */
import { useEffect, useState } from "react";
import type { FlowPolicy, OverlapPolicy } from "../../shared/schedule/spec.ts";
import { useApi } from "../app/api-context.tsx";
import { Button } from "../ui/button.tsx";
import { Field, Select, TextInput } from "../ui/field.tsx";

const OVERLAP: Record<OverlapPolicy, string> = {
  skip: "Skip it: the run is not started",
  queue: "Queue it: it starts when a place frees up",
  parallel: "Run it alongside the others",
};

export function PolicySection({ flowName }: { flowName: string }) {
  const client = useApi();
  const [policy, setPolicy] = useState<FlowPolicy | null>(null);
  const [maxText, setMaxText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    let live = true;
    client.call("flows.policy", { flowName }).then(
      (p) => {
        if (!live) return;
        setPolicy({ overlap: p.overlap, maxConcurrentRuns: p.maxConcurrentRuns });
        setMaxText(p.maxConcurrentRuns === null ? "" : String(p.maxConcurrentRuns));
      },
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [client, flowName]);

  if (!policy) return error ? <p role="alert" className="text-[12px] text-red-600">Could not load the run policy: {error}</p> : <p className="text-zinc-500">Loading…</p>;
  const max = maxText.trim() === "" ? null : Number(maxText);
  const maxError = max !== null && (!Number.isInteger(max) || max < 1 || max > 1000) ? "A whole number from 1 to 1000, or empty" : undefined;
  const save = async () => {
    if (maxError) return;
    setError(null);
    try {
      const p = await client.call("flows.setPolicy", { flowName, policy: { overlap: policy.overlap, maxConcurrentRuns: max } });
      setPolicy({ overlap: p.overlap, maxConcurrentRuns: p.maxConcurrentRuns });
      setSaved(true);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <form
      data-testid="policy-section"
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <p className="text-[12px] text-zinc-500">For runs that schedules and triggers start. Runs you start by hand always start.</p>
      <Field label="When a run is due while another is still going" htmlFor="policy-overlap">
        <Select id="policy-overlap" data-testid="policy-overlap" value={policy.overlap} onChange={(e) => (setPolicy({ ...policy, overlap: e.target.value as OverlapPolicy }), setSaved(false))}>
          {(Object.keys(OVERLAP) as OverlapPolicy[]).map((o) => (
            <option key={o} value={o}>
              {OVERLAP[o]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Most runs at once" htmlFor="policy-max" error={maxError} hint={policy.overlap === "parallel" ? "Empty: no limit" : "Empty: one at a time"}>
        <TextInput id="policy-max" data-testid="policy-max" inputMode="numeric" className="w-32 font-mono" value={maxText} aria-invalid={!!maxError} onChange={(e) => (setMaxText(e.target.value), setSaved(false))} />
      </Field>
      {error ? <p role="alert" className="text-[12px] text-red-600 dark:text-red-400">Not saved: {error}</p> : null}
      <div className="flex items-center justify-end gap-2">
        {saved ? <span className="text-[12px] text-emerald-600 dark:text-emerald-400">Saved</span> : null}
        <Button variant="primary" type="submit" data-testid="policy-save">
          Save policy
        </Button>
      </div>
    </form>
  );
}
