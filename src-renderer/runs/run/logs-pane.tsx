/** The run's logs: tail first, follow while lines stream in, older pages as you scroll up. */
import { ArrowDownToLine } from "lucide-react";
import { memo, useEffect, useMemo, useRef, useState } from "react";
import { Virtuoso, type VirtuosoHandle } from "react-virtuoso";
import { Button } from "../../ui/button.tsx";
import { Select, TextInput } from "../../ui/field.tsx";
import { clockTime } from "../lib/duration.ts";
import { LEVELS, levelOf } from "../lib/levels.ts";
import { useLogs, type LogFilters } from "./use-logs.ts";
import type { LogListener, LogRecord, TaskRun } from "./use-run.ts";

interface Props {
  runId: string;
  taskRuns: TaskRun[];
  taskRunId: string | null;
  onTaskRunId: (id: string | null) => void;
  onLogs: (listener: LogListener) => () => void;
}


const Line = memo(function Line({ log, task }: { log: LogRecord; task: string | undefined }) {
  const level = levelOf(log.level);
  return (
    <div data-testid="log-line" data-level={log.level} className="flex gap-3 px-3 py-px font-mono text-[12px] leading-[18px] hover:bg-zinc-100 dark:hover:bg-zinc-800/60">
      <span className="shrink-0 text-zinc-400 tabular-nums" title={new Date(log.timestamp).toLocaleString()}>
        {clockTime(log.timestamp)}
      </span>
      <span className={`w-16 shrink-0 ${level.className}`}>{level.name}</span>
      <span className="w-32 shrink-0 truncate text-zinc-500" title={task}>
        {task ?? "flow"}
      </span>
      <span className={`min-w-0 break-words whitespace-pre-wrap ${log.level >= 40 ? "text-red-700 dark:text-red-300" : ""}`}>{log.message}</span>
    </div>
  );
});

const components = {
  Header: ({ context }: { context?: { hasOlder: boolean } }) => (context?.hasOlder ? <div className="px-3 py-1 text-[12px] text-zinc-400">Loading older lines…</div> : null),
};

export function LogsPane({ runId, taskRuns, taskRunId, onTaskRunId, onLogs }: Props) {
  const [minLevel, setMinLevel] = useState(0);
  const [typed, setTyped] = useState("");
  const [text, setText] = useState("");
  useEffect(() => {
    const t = setTimeout(() => setText(typed.trim()), 250);
    return () => clearTimeout(t);
  }, [typed]);
  const filters: LogFilters = { taskRunId, minLevel, text };
  const { lines, firstItemIndex, total, hasOlder, loading, error, loadOlder } = useLogs(runId, filters, onLogs);
  const names = useMemo(() => new Map(taskRuns.map((t) => [t.id, t.name])), [taskRuns]);
  const [follow, setFollow] = useState(true);
  const list = useRef<VirtuosoHandle>(null);
  const lastTop = useRef(0);
  // Only the reader's own scrolling (wheel, keys, scrollbar drag) turns follow off, not a list that reloads.
  const touched = useRef(0);
  const touch = () => (touched.current = Date.now());

  const toggleFollow = () => {
    setFollow((f) => !f);
    if (!follow) list.current?.scrollToIndex({ index: "LAST", align: "end" });
  };

  return (
    <div className="flex h-full min-h-0 flex-col bg-white dark:bg-zinc-900" data-testid="run-logs" onWheel={touch} onKeyDown={touch} onPointerDown={touch} onTouchMove={touch}>
      <div className="flex shrink-0 items-center gap-2 border-b border-zinc-200 px-3 py-1.5 dark:border-zinc-800">
        <span className="text-[12px] font-semibold tracking-wide text-zinc-500 uppercase">Logs</span>
        <Select data-testid="logs-level" aria-label="Minimum level" value={minLevel} onChange={(e) => setMinLevel(Number(e.target.value))} className="!w-32">
          <option value={0}>All levels</option>
          {LEVELS.map((l) => (
            <option key={l.value} value={l.value}>
              {l.name}+
            </option>
          ))}
        </Select>
        <Select data-testid="logs-task" aria-label="Task run" value={taskRunId ?? ""} onChange={(e) => onTaskRunId(e.target.value || null)} className="!w-56">
          <option value="">All tasks</option>
          {taskRunId && !names.has(taskRunId) && <option value={taskRunId}>{taskRunId}</option>}
          {taskRuns.slice(0, 2000).map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </Select>
        <TextInput data-testid="logs-search" aria-label="Search logs" placeholder="Search logs…" value={typed} onChange={(e) => setTyped(e.target.value)} className="!w-56" />
        <div className="flex-1" />
        <span className="text-[12px] text-zinc-500 tabular-nums" data-testid="logs-total">
          {loading ? "…" : `${lines.length.toLocaleString()}${total !== null && total !== lines.length ? ` of ${total.toLocaleString()}` : ""} lines`}
        </span>
        <Button data-testid="logs-follow" aria-pressed={follow} variant={follow ? "primary" : "secondary"} icon={<ArrowDownToLine size={13} />} onClick={toggleFollow} label="Stick to the newest line">
          Follow
        </Button>
      </div>
      {error && <p className="px-3 py-1 text-[12px] text-red-600">Logs: {error}</p>}
      {!loading && lines.length === 0 ? (
        <p className="p-4 text-zinc-500">{text || minLevel || taskRunId ? "No log lines match." : "No logs yet."}</p>
      ) : (
        <Virtuoso
          key={JSON.stringify(filters)}
          ref={list}
          className="min-h-0 flex-1"
          data={lines}
          firstItemIndex={firstItemIndex}
          initialTopMostItemIndex={{ index: "LAST", align: "end" }}
          computeItemKey={(_, log) => log.id}
          followOutput={follow ? "auto" : false}
          startReached={hasOlder ? loadOlder : undefined}
          increaseViewportBy={{ top: 600, bottom: 200 }}
          // followOutput only scrolls down, so a scroll up is the reader's: stop following.
          onScroll={(e) => {
            const top = (e.currentTarget as HTMLElement).scrollTop;
            if (top < lastTop.current - 4 && follow && Date.now() - touched.current < 1000) setFollow(false);
            lastTop.current = top;
          }}
          context={{ hasOlder }}
          components={components}
          itemContent={(_, log) => <Line log={log} task={log.taskRunId ? names.get(log.taskRunId) : undefined} />}
        />
      )}
    </div>
  );
}
