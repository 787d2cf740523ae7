/**
 * Follows the flow-run change feed (every process's writes) and fires the
 * automations whose event a change matches. A firing is claimed in the store
 * before its action runs, keyed by automation + run + state, so a change fires
 * at most once, also with two hosts on one database and across restarts. The
 * feed position is a stored cursor; a host that has none starts from now, so
 * old history never fires. A failing action is recorded as failed and goes no further.
 */
import { newId } from "../../shared/sdk/names.ts";
import type { StateType } from "../../shared/sdk/states.ts";
import type { AutomationRecord } from "../../shared/schedule/records.ts";
import type { FlowRunRecord } from "../../shared/store/types.ts";
import { runAction, type ActionContext, type FiringEvent } from "./actions.ts";
import { automationStateOf, matchesEvent } from "./match.ts";

export const AUTOMATIONS_CURSOR = "automations";

/** A claimed firing's detail until its action finishes. */
export const IN_PROGRESS = "in progress (if it stays so, the host stopped before the action finished)";

const LATE = { stateType: "SCHEDULED", stateName: "Late" } as const;

/**
 * Automations starting runs that fire automations: a chain longer than this
 * (A fails → start B, B fails → start A, ...) stops, as it is almost surely a loop.
 */
export const MAX_CHAIN = 10;

export interface AutomationRunnerOptions {
  pollMs?: number;
  cursorName?: string;
  log?: (message: string) => void;
}

export class AutomationRunner {
  readonly #ctx: ActionContext;
  readonly #pollMs: number;
  readonly #cursorName: string;
  readonly #log: (message: string) => void;
  #cursor: number | undefined;
  #timer: ReturnType<typeof setInterval> | undefined;
  #ticking: Promise<void> | undefined;
  #again = false;
  #closed = false;
  /** Actions in flight, awaited on close. */
  readonly #inFlight = new Set<Promise<void>>();
  /** Runs an automation started here → how deep in a chain of automations they are. */
  readonly #depth = new Map<string, number>();
  #reportedError = false;
  readonly #closing = new AbortController();

  constructor(ctx: ActionContext, options: AutomationRunnerOptions = {}) {
    this.#ctx = ctx;
    this.#pollMs = options.pollMs ?? 250;
    this.#cursorName = options.cursorName ?? AUTOMATIONS_CURSOR;
    this.#log = options.log ?? ((message) => console.error(`flowbench automations: ${message}`));
  }

  start(): void {
    if (this.#timer || this.#closed) return;
    this.#timer = setInterval(() => this.poke(), this.#pollMs);
    this.#timer.unref?.();
    this.poke();
  }

  /** Something was written: look soon, once, however often this is called. A no-op until started. */
  poke(): void {
    if (this.#closed || !this.#timer) return;
    if (this.#ticking) {
      this.#again = true;
      return;
    }
    this.#ticking = (async () => {
      do {
        this.#again = false;
        try {
          await this.tick();
          this.#reportedError = false;
        } catch (error) {
          // The store is busy or closing: the cursor stays and the next poll tries again. Said once, not every 250 ms.
          if (!this.#reportedError && !this.#closed) this.#log(`reading run changes failed: ${(error as Error).message}`);
          this.#reportedError = true;
        }
      } while (this.#again && !this.#closed);
    })().finally(() => (this.#ticking = undefined));
  }

  /** One pass over the changes since the cursor; resolves once their firings are claimed (actions may still run). */
  async tick(): Promise<void> {
    const { store, automations } = this.#ctx;
    if (this.#cursor === undefined) {
      const stored = await automations.getCursor(this.#cursorName);
      // No cursor yet: start from now, so history from before automations existed never fires.
      this.#cursor = stored > 0 ? stored : (await store.listChanges({ since: Number.MAX_SAFE_INTEGER })).seq;
      if (stored === 0) await automations.setCursor(this.#cursorName, this.#cursor);
    }
    const active = (await automations.listAutomations()).filter((a) => a.active);
    const page = active.length
      ? await store.listChanges({ since: this.#cursor, flowRuns: "all" })
      : // Nothing can fire: only move the cursor, so an automation saved later starts from then.
        { ...(await store.listChanges({ since: Number.MAX_SAFE_INTEGER })), flowRuns: [] };
    for (const run of page.flowRuns) {
      let late: Promise<boolean> | undefined;
      // Late lasts only until the run starts, which may be before this looked: its history says whether it was.
      const wasLate = () =>
        (late ??= this.#ctx.store
          .listStates(run.id)
          .then((states) => states.some((st) => st.type === "SCHEDULED" && st.name === "Late"))
          .catch(() => false));
      for (const automation of active) {
        if (this.#closed) return;
        if (matchesEvent(automation.when, run, run)) await this.#fire(automation, run, { stateType: run.stateType, stateName: run.stateName });
        else if (run.stateType !== "SCHEDULED" && matchesEvent(automation.when, run, LATE) && (await wasLate())) await this.#fire(automation, run, LATE);
      }
    }
    if (page.seq !== this.#cursor) {
      this.#cursor = page.seq;
      await automations.setCursor(this.#cursorName, page.seq);
    }
  }

  async #fire(automation: AutomationRecord, run: FlowRunRecord, reached: { stateType: StateType; stateName: string }): Promise<void> {
    const state = automationStateOf(reached.stateType, reached.stateName)!;
    const depth = this.#depth.get(run.id) ?? 0;
    const firing = {
      id: newId(this.#ctx.clock.now()),
      automationId: automation.id,
      runId: run.id,
      flowName: run.flowName,
      stateType: reached.stateType,
      stateName: reached.stateName,
      firedAt: this.#ctx.clock.now(),
      // Claimed as failed until the action says otherwise (the record has no "running"): a host that dies midway leaves this, not a success.
      status: "failed" as const,
      detail: IN_PROGRESS,
    };
    if (depth >= MAX_CHAIN) {
      if (await this.#ctx.automations.claimFiring({ ...firing, detail: `not run: ${MAX_CHAIN} automations in a row started each other's runs; this looks like a loop` })) {
        this.#log(`automation '${automation.name}' stopped a chain of ${MAX_CHAIN} runs started by automations (run ${run.id})`);
      }
      return;
    }
    if (!(await this.#ctx.automations.claimFiring(firing))) return;
    const event: FiringEvent = { automation, run, state };
    const action = runAction(this.#ctx, event, { started: (runId) => this.#remember(runId, depth + 1), signal: this.#closing.signal }).then(
      (detail) => this.#finish(firing.id, "succeeded", detail),
      (error: unknown) => this.#finish(firing.id, "failed", error instanceof Error ? error.message : String(error)),
    );
    // Actions run in the background: a slow URL must not hold up other firings or the cursor.
    this.#inFlight.add(action);
    void action.finally(() => this.#inFlight.delete(action));
  }

  async #finish(id: string, status: "succeeded" | "failed", detail: string): Promise<void> {
    try {
      await this.#ctx.automations.finishFiring(id, status, detail.slice(0, 2000));
    } catch (error) {
      this.#log(`recording firing ${id} (${status}: ${detail}) failed: ${(error as Error).message}`);
    }
  }

  #remember(runId: string, depth: number): void {
    this.#depth.set(runId, depth);
    // Bounded: the oldest entries go first (a Map keeps insertion order).
    if (this.#depth.size > 10_000) this.#depth.delete(this.#depth.keys().next().value!);
  }

  /** Stops polling and waits for the pass and the actions in flight. */
  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    this.#closing.abort();
    await this.#ticking;
    await Promise.allSettled([...this.#inFlight]);
  }
}
