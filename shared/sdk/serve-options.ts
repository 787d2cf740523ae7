/**
 * What `serve()` and `runFromCommandLine(flow, { serve })` take: the flow's
 * schedules and its run policy, as the same JSON-safe data the app and the
 * schedule files use. A compiled flow file declares one as `serveOptions`.
 */
import type { FlowPolicy, ScheduleSpec } from "../schedule/spec.ts";

export type { FlowPolicy, ScheduleSpec };

export type ServeOptions = {
  schedules?: ScheduleSpec[];
  /** Missing fields take DEFAULT_FLOW_POLICY's. */
  policy?: Partial<FlowPolicy>;
};
