/** Rename, duplicate and delete from the flows list; each is one API call or two. */
import type { ApiClient } from "../../shared/api/client.ts";
import type { FlowDetail, FlowSummary } from "../../shared/api/contract.ts";
import { ApiError } from "../../shared/api/errors.ts";

export async function duplicateFlow(client: ApiClient, flow: FlowSummary, existing: readonly FlowSummary[]): Promise<FlowDetail> {
  const detail = await client.call("flows.get", { id: flow.id });
  const names = new Set(existing.map((f) => f.name.toLowerCase()));
  const ids = new Set(existing.map((f) => f.id));
  let n = 1;
  const nameFor = (i: number) => (i === 1 ? `${flow.name} copy` : `${flow.name} copy ${i}`);
  const idFor = (i: number) => (i === 1 ? `${flow.id}-copy` : `${flow.id}-copy-${i}`);
  while (names.has(nameFor(n).toLowerCase()) || ids.has(idFor(n))) n++;
  if (detail.graph) {
    try {
      return await client.call("flows.save", { id: idFor(n), graph: { ...detail.graph, name: nameFor(n) } });
    } catch (error) {
      // A graph the host refuses to save as is (it was edited by hand since) is copied as its file.
      if (!(error instanceof ApiError) || error.code !== "graph-invalid") throw error;
    }
  }
  return client.call("flows.import", { fileName: `${idFor(n)}.ts`, source: detail.source });
}
