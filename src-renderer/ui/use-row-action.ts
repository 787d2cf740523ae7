/** Runs one row's action at a time: marks the row busy while it runs and says in a toast when it fails. */
import { useState } from "react";
import { toast } from "./toast.tsx";

export function useRowAction(): { busyId: string | null; run: (id: string, what: string, call: () => Promise<unknown>) => Promise<void> } {
  const [busyId, setBusyId] = useState<string | null>(null);
  const run = async (id: string, what: string, call: () => Promise<unknown>) => {
    setBusyId(id);
    try {
      await call();
    } catch (e) {
      toast("error", `Could not ${what}: ${(e as Error).message}`);
    } finally {
      setBusyId(null);
    }
  };
  return { busyId, run };
}
