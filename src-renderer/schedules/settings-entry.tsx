/** Ways into flow settings: a toolbar button and a line in the flow panel. */
import { CalendarClock } from "lucide-react";
import { Button } from "../ui/button.tsx";
import { useFlowAutomation, useFlowSettingsUi } from "./flow-automation-store.ts";

export function FlowSettingsButton() {
  const show = useFlowSettingsUi((s) => s.show);
  return (
    <Button variant="ghost" icon={<CalendarClock size={15} />} onClick={() => show()} data-testid="tool-flowSettings" title="Flow settings: schedules, triggers and run policy">
      Schedules
    </Button>
  );
}

export function FlowSettingsLink() {
  const show = useFlowSettingsUi((s) => s.show);
  const schedules = useFlowAutomation((s) => s.schedules.filter((x) => x.active).length);
  const triggers = useFlowAutomation((s) => s.triggers.filter((x) => x.active).length);
  const summary = schedules + triggers === 0 ? "Runs only when started." : `${schedules} active schedule${schedules === 1 ? "" : "s"}, ${triggers} active trigger${triggers === 1 ? "" : "s"}.`;
  return (
    <div className="flex items-center gap-2">
      <p className="flex-1 text-[12px] text-zinc-500">{summary}</p>
      <Button icon={<CalendarClock size={14} />} onClick={() => show()} data-testid="flow-panel-settings">
        Schedules and triggers
      </Button>
    </div>
  );
}
