/** A time-zone picker: a button showing the zone, a popover with a search box over every IANA zone. */
import { ChevronsUpDown, Globe } from "lucide-react";
import { Popover } from "radix-ui";
import { useMemo, useState } from "react";
import { allTimezones, searchTimezones, zoneOffset } from "./timezones.ts";

export function TimezonePicker({ value, onChange, id }: { value: string; onChange: (zone: string) => void; id?: string }) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const zones = allTimezones();
  const matches = useMemo(() => searchTimezones(zones, query, 60), [zones, query]);
  const now = Date.now();
  const pick = (zone: string) => {
    onChange(zone);
    setOpen(false);
    setQuery("");
  };
  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Popover.Trigger asChild>
        <button
          id={id}
          type="button"
          data-testid="timezone-picker"
          className="flex h-7 w-full items-center gap-1.5 rounded-md border border-zinc-300 bg-white px-2 text-left text-[13px] hover:border-zinc-400 focus:border-accent-500 focus:outline-none dark:border-zinc-700 dark:bg-zinc-900"
        >
          <Globe size={13} className="shrink-0 text-zinc-400" />
          <span className="flex-1 truncate">{value}</span>
          <span className="text-[11px] text-zinc-500">{zoneOffset(value, now)}</span>
          <ChevronsUpDown size={13} className="shrink-0 text-zinc-400" />
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content align="start" sideOffset={4} className="z-[70] w-[var(--radix-popover-trigger-width)] min-w-64 rounded-md border border-zinc-200 bg-white p-1.5 shadow-lg dark:border-zinc-800 dark:bg-zinc-900">
          <input
            autoFocus
            data-testid="timezone-search"
            aria-label="Search time zones"
            placeholder="Search: Paris, New York, UTC…"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && matches[0]) {
                e.preventDefault();
                pick(matches[0]);
              }
            }}
            className="mb-1 h-7 w-full rounded border border-zinc-300 bg-white px-2 text-[13px] focus:border-accent-500 focus:outline-none dark:border-zinc-700 dark:bg-zinc-950"
          />
          <ul role="listbox" aria-label="Time zones" className="max-h-60 overflow-y-auto">
            {matches.length === 0 ? <li className="px-2 py-1.5 text-[12px] text-zinc-500">No zone matches “{query}”</li> : null}
            {matches.map((zone) => (
              <li key={zone} role="option" aria-selected={zone === value}>
                <button
                  type="button"
                  data-testid={`timezone-option-${zone}`}
                  onClick={() => pick(zone)}
                  className="flex w-full items-center gap-2 rounded px-2 py-1 text-left text-[13px] hover:bg-zinc-100 aria-selected:font-medium dark:hover:bg-zinc-800"
                >
                  <span className={`flex-1 truncate ${zone === value ? "font-medium text-accent-700 dark:text-accent-100" : ""}`}>{zone.replaceAll("_", " ")}</span>
                  <span className="text-[11px] text-zinc-500">{zoneOffset(zone, now)}</span>
                </button>
              </li>
            ))}
          </ul>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
