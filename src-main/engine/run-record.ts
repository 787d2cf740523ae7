import { basename } from "node:path";
import { flowRunName } from "../../shared/sdk/names.ts";
import { encodeValue, previewValue } from "../../shared/sdk/serialize.ts";
import type { FlowRunRecord } from "../../shared/store/types.ts";
import { currentOwner } from "../platform/process.ts";

/**
 * A flow run as the host knows it before its worker has loaded the file. Only the
 * file can tell the flow's name, so its base name stands in; the worker's SDK
 * replaces the whole record on its first write. It carries this process as owner,
 * so if the app is killed, whoever opens the history next marks the run Crashed.
 */
export function pendingFlowRun(id: string, file: string, params: unknown, flowName?: string, now = Date.now()): FlowRunRecord {
  return {
    id,
    name: flowRunName(),
    flowName: flowName ?? basename(file),
    flowVersion: null,
    parentFlowRunId: null,
    parentTaskRunId: null,
    parameters: parametersJson(params),
    tags: [],
    stateType: "PENDING",
    stateName: "Pending",
    stateMessage: null,
    createdAt: now,
    startTime: null,
    endTime: null,
    runCount: 0,
    error: null,
    resultPreview: null,
    owner: currentOwner(),
  };
}

/** As the SDK records them: the params object itself, `{}` when there are none. */
function parametersJson(params: unknown): string {
  const value = params === undefined ? {} : params;
  try {
    return encodeValue(value, "the parameters");
  } catch {
    return JSON.stringify({ $preview: previewValue(value) });
  }
}
