/** Under the timing fields: the schedule in words and its next fire times in the user's zone and the schedule's, or why it is wrong. */
import { formatInZone } from "../../shared/schedule/describe.ts";
import { defaultTimezone } from "../../shared/schedule/timing.ts";
import { ErrorNote } from "../ui/error-note.tsx";
import type { TimingPreview } from "./preview.ts";

export function TimingPreviewView({ preview }: { preview: TimingPreview }) {
  if (!preview.ok) {
    return <ErrorNote testId="timing-error">{preview.error}</ErrorNote>;
  }
  const mine = defaultTimezone();
  const theirs = preview.timing.kind === "cron" ? preview.timing.timezone : null;
  const both = theirs !== null && theirs !== mine;
  return (
    <div className="rounded-md border border-zinc-200 bg-zinc-50 px-2.5 py-2 dark:border-zinc-800 dark:bg-zinc-950/60">
      <p className="text-[13px] font-medium text-zinc-800 dark:text-zinc-200" data-testid="timing-words">
        Runs {preview.words}
      </p>
      {preview.times.length === 0 ? (
        <p className="mt-1 text-[12px] text-amber-700 dark:text-amber-400">This time has passed: it will not run.</p>
      ) : (
        <table className="mt-1.5 w-full text-[12px] tabular-nums" data-testid="next-times">
          <thead className="text-left text-[11px] text-zinc-500">
            <tr>
              <th className="pb-0.5 font-medium">Next runs, your time ({mine})</th>
              {both ? <th className="pb-0.5 font-medium">In {theirs}</th> : null}
            </tr>
          </thead>
          <tbody className="text-zinc-700 dark:text-zinc-300">
            {preview.times.map((t) => (
              <tr key={t} data-testid="next-time">
                <td data-testid="next-time-local">{formatInZone(t, mine)}</td>
                {both ? <td data-testid="next-time-zone">{formatInZone(t, theirs)}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
