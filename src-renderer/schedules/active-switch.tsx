/** An on/off switch for schedules, triggers and automations. */
import { Switch } from "radix-ui";

export function ActiveSwitch({ checked, onChange, label, disabled, testId }: { checked: boolean; onChange: (on: boolean) => void; label: string; disabled?: boolean; testId?: string }) {
  return (
    <Switch.Root
      checked={checked}
      onCheckedChange={onChange}
      disabled={disabled}
      aria-label={label}
      title={label}
      data-testid={testId}
      className="relative h-4 w-7 shrink-0 rounded-full bg-zinc-300 transition-colors data-[state=checked]:bg-accent-600 disabled:opacity-50 dark:bg-zinc-700 dark:data-[state=checked]:bg-accent-500"
    >
      <Switch.Thumb className="block h-3 w-3 translate-x-0.5 rounded-full bg-white shadow transition-transform data-[state=checked]:translate-x-3.5" />
    </Switch.Root>
  );
}
