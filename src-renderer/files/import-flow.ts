/**
 * Import a .ts file into the workspace. The host parses it: a file the graph
 * can show opens on the canvas, anything else opens as code, never rewritten.
 */
import type { ApiClient } from "../../shared/api/client.ts";
import type { FlowDetail } from "../../shared/api/contract.ts";
import { ApiError } from "../../shared/api/errors.ts";
import { pickTextFile } from "./download.ts";

export type ImportOutcome = { status: "imported"; flow: FlowDetail } | { status: "cancelled" };

export async function importFlowFile(client: ApiClient, confirmOverwrite: (fileName: string) => Promise<boolean>): Promise<ImportOutcome> {
  const file = await pickTextFile(".ts,.mts,text/typescript");
  if (!file) return { status: "cancelled" };
  try {
    return { status: "imported", flow: await client.call("flows.import", { fileName: file.name, source: file.text }) };
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== "conflict") throw error;
    if (!(await confirmOverwrite(file.name))) return { status: "cancelled" };
    return { status: "imported", flow: await client.call("flows.import", { fileName: file.name, source: file.text, overwrite: true }) };
  }
}
