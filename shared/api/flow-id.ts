import { z } from "zod";

/** A flow's file in the workspace, without `.ts`: "etl-orders", "reports/weekly". */
export const FLOW_ID = /^[\w-][\w.-]*(\/[\w-][\w.-]*)*$/;
export const flowIdSchema = z
  .string()
  .regex(FLOW_ID, "must name a file in the workspace without .ts, like etl-orders or reports/weekly (letters, digits, '.', '_', '-')")
  .refine((id) => !id.split("/").some((part) => part === "." || part === ".." || part.endsWith(".ts")), "must stay inside the workspace and leave out .ts");
