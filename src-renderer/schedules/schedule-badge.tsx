/**
 * The pill over the canvas's top-left corner: how many schedules and triggers
 * are on, and when the next run is; a click opens flow settings. Mounted by the
 * editor workspace as an overlay, outside the canvas's own rendering.
 */
import { CalendarClock } from "lucide-react";
import { useEffect } from "react";
import { formatInZone } from "../../shared/schedule/describe.ts";
import { defaultTimezone } from "../../shared/schedule/timing.ts";
import { useApi } from "../app/api-context.tsx";
import { useDocument } from "../editor/store/context.tsx";
import { useNow } from "../runs/lib/use-now.ts";
import { relativeTime } from "../ui/time.ts";
import { nextFireTime, useFlowAutomation, useFlowSettingsUi } from "./flow-automation-store.ts";

const REFRESH_MS = 60_000;

export function ScheduleBadge() {
  const client = useApi();
  const flowId = useDocument((s) => s.flowId);
  const load = useFlowAutomation((s) => s.load);
  const ownFlow = useFlowAutomation((s) => s.flowId === flowId);
  const schedules = useFlowAutomation((s) => s.schedules);
  const triggers = useFlowAutomation((s) => s.triggers);
  const show = useFlowSettingsUi((s) => s.show);
  const now = useNow();
  useEffect(() => {
    if (!flowId) return;
    void load(client, flowId);
    // Next-run times move on: refresh now and then.
    const timer = setInterval(() => void load(client, flowId), REFRESH_MS);
    return () => clearInterval(timer);
  }, [client, flowId, load]);

  if (!flowId || !ownFlow) return null;
  const activeSchedules = schedules.filter((s) => s.active).length;
  const activeTriggers = triggers.filter((t) => t.active).length;
  if (activeSchedules + activeTriggers === 0) return null;
  const next = nextFireTime(schedules, now);
  const parts = [
    activeSchedules ? `${activeSchedules} schedule${activeSchedules > 1 ? "s" : ""}` : null,
    activeTriggers ? `${activeTriggers} trigger${activeTriggers > 1 ? "s" : ""}` : null,
  ].filter(Boolean);
  return (
    <button
      type="button"
      data-testid="schedule-badge"
      onClick={() => show(activeSchedules ? "schedules" : "triggers")}
      title={next ? `Next run ${formatInZone(next, defaultTimezone())} (${defaultTimezone()}). Open flow settings` : "Open flow settings"}
      className="absolute top-3 left-3 z-10 flex items-center gap-1.5 rounded-full border border-violet-200 bg-white/95 px-2.5 py-1 text-[12px] text-zinc-700 shadow-sm backdrop-blur hover:border-violet-400 dark:border-violet-500/30 dark:bg-zinc-900/95 dark:text-zinc-300 dark:hover:border-violet-400/60"
    >
      <CalendarClock size={13} className="text-violet-600 dark:text-violet-400" />
      <span className="font-medium">{parts.join(" · ")}</span>
      {next ? <span className="text-zinc-500">· next run {relativeTime(next, now)}</span> : null}
    </button>
  );
}

/** The toolbar's and flow panel's way in. */
export function useOpenFlowSettings(): () => void {
  const show = useFlowSettingsUi((s) => s.show);
  return () => show();
}
