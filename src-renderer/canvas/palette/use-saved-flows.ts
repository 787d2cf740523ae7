import { useEffect, useState } from "react";
import { useApi } from "../../app/api-context.tsx";
import type { SavedFlow } from "../lib/palette-items.ts";

/** Saved flows for the Subflows group; loaded once per palette. */
export function useSavedFlows(): { flows: readonly SavedFlow[]; error: string | null } {
  const client = useApi();
  const [state, setState] = useState<{ flows: readonly SavedFlow[]; error: string | null }>({ flows: [], error: null });
  useEffect(() => {
    let live = true;
    client.call("flows.list", {}).then(
      ({ flows }) => live && setState({ flows, error: null }),
      (error: unknown) => live && setState({ flows: [], error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [client]);
  return state;
}
