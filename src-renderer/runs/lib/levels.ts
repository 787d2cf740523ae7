/** Log levels are numbers (shared/store/types.ts LOG_LEVELS); anything ≥ 50 is critical. */
export const LEVELS = [
  { value: 10, name: "DEBUG", className: "text-zinc-400 dark:text-zinc-500" },
  { value: 20, name: "INFO", className: "text-sky-700 dark:text-sky-400" },
  { value: 30, name: "WARNING", className: "text-amber-700 dark:text-amber-400" },
  { value: 40, name: "ERROR", className: "text-red-700 dark:text-red-400" },
  { value: 50, name: "CRITICAL", className: "font-semibold text-red-800 dark:text-red-300" },
] as const;

export function levelOf(level: number): (typeof LEVELS)[number] {
  let found: (typeof LEVELS)[number] = LEVELS[0];
  for (const l of LEVELS) if (level >= l.value) found = l;
  return found;
}
