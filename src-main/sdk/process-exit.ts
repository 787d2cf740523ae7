import { activeRootFlows, crashActiveRunsSync, hasActiveRuns, onActivityChange } from "../../shared/sdk/lifecycle.ts";
import { currentRecorder } from "../../shared/sdk/runtime.ts";

const GRACE_MS = 3000;

/** A long-lived serve() handles Ctrl-C and SIGTERM itself (cancel its runs, exit 0); the per-run handlers stand aside. */
let signalOwner: ((signal: "SIGINT" | "SIGTERM") => void) | undefined;

/** Routes SIGINT and SIGTERM to `handler` until the returned function is called. */
export function takeOverSignals(handler: (signal: "SIGINT" | "SIGTERM") => void): () => void {
  signalOwner = handler;
  const onSigint = (): void => handler("SIGINT");
  const onSigterm = (): void => handler("SIGTERM");
  process.on("SIGINT", onSigint);
  process.on("SIGTERM", onSigterm);
  return () => {
    if (signalOwner === handler) signalOwner = undefined;
    process.off("SIGINT", onSigint);
    process.off("SIGTERM", onSigterm);
  };
}

/**
 * Keeps history honest when the process ends: a normal exit writes what is pending,
 * an exit with runs in flight marks them Crashed, Ctrl-C cancels them, SIGTERM
 * crashes them after their onCrashed hooks. Signal handlers exist only while runs do,
 * so a script without runs keeps Node's default behaviour.
 */
export function installExitHandling(): void {
  let interrupted = false;
  process.on("exit", (code) => {
    if (hasActiveRuns()) crashActiveRunsSync(`The process exited (code ${code}) while the run was in progress`);
    currentRecorder()?.flushSync();
    // The cancelled flow's rejection may end the script first, with code 1; Ctrl-C still means 130.
    if (interrupted) process.exitCode = 130;
  });
  const onSigint = (): void => {
    if (signalOwner) return;
    if (interrupted) process.exit(130); // a second Ctrl-C: stop now; the exit handler marks runs Crashed
    interrupted = true;
    for (const frame of activeRootFlows()) frame.controller.abort(new Error("Interrupted by SIGINT (Ctrl-C)"));
    void waitForRuns().then(() => process.exit(130));
  };
  const onSigterm = (): void => {
    if (signalOwner) return;
    void Promise.race([Promise.all(activeRootFlows().map((f) => f.crashed("Terminated by SIGTERM"))), delay(GRACE_MS)]).then(() => {
      crashActiveRunsSync("Terminated by SIGTERM");
      process.exit(143);
    });
  };
  onActivityChange((active) => {
    if (active) {
      process.on("SIGINT", onSigint);
      process.on("SIGTERM", onSigterm);
    } else {
      process.off("SIGINT", onSigint);
      process.off("SIGTERM", onSigterm);
    }
  });
}

async function waitForRuns(): Promise<void> {
  const deadline = Date.now() + GRACE_MS;
  while (hasActiveRuns() && Date.now() < deadline) await delay(20);
  await currentRecorder()?.flush();
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
