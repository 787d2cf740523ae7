/** State colours for graph nodes and timeline bars (canvas needs plain colours, not classes). */
import type { StateType } from "../../../shared/sdk/states.ts";

export const STATE_HEX: Record<StateType, string> = {
  COMPLETED: "#10b981",
  FAILED: "#ef4444",
  CRASHED: "#f97316",
  RUNNING: "#0ea5e9",
  CANCELLED: "#71717a",
  CANCELLING: "#a1a1aa",
  PENDING: "#a1a1aa",
  SCHEDULED: "#8b5cf6",
  PAUSED: "#f59e0b",
};
