/** Which missed slots a schedule's catch-up policy runs; the rest are skipped. */
import type { CatchUpPolicy } from "../../shared/schedule/spec.ts";

/** `missed` ascending; returns the slot times to run (the newest ones the policy keeps). */
export function slotsToCatchUp(missed: readonly number[], policy: CatchUpPolicy, maxCatchUp: number): number[] {
  switch (policy) {
    case "skip":
      return [];
    case "latest":
      return missed.slice(-1);
    case "all":
      return missed.slice(-Math.max(1, maxCatchUp));
    default: {
      const never: never = policy;
      throw new Error(`unknown catch-up policy ${String(never)}`);
    }
  }
}
