/** What the schedule form shows live: the timing in words and its next fire times, or the one-line reason it is wrong. */
import { describeTiming } from "../../shared/schedule/describe.ts";
import type { ScheduleSpec, ScheduleTiming } from "../../shared/schedule/spec.ts";
import { nextSlots, normaliseTiming } from "../../shared/schedule/timing.ts";

export type TimingPreview = { ok: true; timing: ScheduleTiming; words: string; times: number[] } | { ok: false; error: string };

export function previewSpec(spec: ScheduleSpec, now: number, count = 5): TimingPreview {
  try {
    const timing = normaliseTiming(spec, now);
    return { ok: true, timing, words: describeTiming(timing), times: nextSlots(timing, now, count) };
  } catch (error) {
    // The field already says what is wrong with; the message reads on its own without the prefix.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: message.replace(/^Invalid schedule: /, "") };
  }
}
