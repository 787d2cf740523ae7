import type { ConcurrencySlotGrant, ProcessOwner, RunStore } from "../store/types.ts";

/*
 * Tag concurrency limits as the task runner sees them: whether a task's tags are limited
 * at all (cached, so unlimited tags cost nothing), and waiting for slots with backoff.
 * The store does the counting, so limits hold across every process on the same history.
 */

/** How long a process trusts its list of limited tags: a new limit applies within this. */
export const LIMITS_TTL_MS = 1000;
const FIRST_POLL_MS = 25;
const MAX_POLL_MS = 250;

interface LimitedTags {
  store: RunStore;
  tags: ReadonlySet<string>;
  until: number;
  /** The refresh in flight, shared by every task that asks meanwhile. */
  loading?: Promise<ReadonlySet<string>>;
}

let cached: LimitedTags | undefined;

/** Forgets the cached list, e.g. after this process changed a limit. */
export function forgetLimitedTags(): void {
  cached = undefined;
}

/**
 * False only when a fresh cached list says none of `tags` is limited: the task then
 * runs with no store call and no await. True means "ask": the list is stale, or a tag is limited.
 */
export function mayBeLimited(store: RunStore, tags: readonly string[]): boolean {
  if (!cached || cached.store !== store || cached.until <= Date.now()) return true;
  const limited = cached.tags;
  return limited.size > 0 && tags.some((tag) => limited.has(tag));
}

/** The tags among `tags` that have a limit now (per the cache); empty when none do. */
export async function limitedAmong(store: RunStore, tags: readonly string[]): Promise<string[]> {
  const limited = await limitedTags(store);
  if (limited.size === 0) return [];
  return tags.filter((tag) => limited.has(tag));
}

function limitedTags(store: RunStore): ReadonlySet<string> | Promise<ReadonlySet<string>> {
  const now = Date.now();
  if (cached && cached.store === store) {
    if (cached.until > now) return cached.tags;
    if (cached.loading) return cached.loading;
  }
  const entry: LimitedTags = cached?.store === store ? cached : { store, tags: new Set(), until: 0 };
  cached = entry;
  const loading = (async () => {
    try {
      const limits = (await store.listConcurrencyLimits?.()) ?? [];
      entry.tags = new Set(limits.map((l) => l.tag));
      entry.until = Date.now() + LIMITS_TTL_MS;
      return entry.tags;
    } finally {
      entry.loading = undefined;
    }
  })();
  entry.loading = loading;
  return loading;
}

export interface SlotWait {
  store: RunStore;
  tags: readonly string[];
  taskRunId: string;
  owner: ProcessOwner | null;
  /** Aborts the wait (the run was cancelled or its parent timed out). */
  signal: AbortSignal | undefined;
  /** Called once each time the wait starts on a new blocking tag. */
  onBlocked(blockedBy: NonNullable<ConcurrencySlotGrant["blockedBy"]>): void;
}

/**
 * Waits until the store grants slots of every tag, polling with a growing, jittered
 * delay (jitter keeps processes from polling in lockstep). Resolves false when the
 * signal aborted first. Store errors reject.
 */
export async function waitForSlots(wait: SlotWait): Promise<boolean> {
  const acquire = wait.store.acquireConcurrencySlots!.bind(wait.store);
  let delay = FIRST_POLL_MS;
  let blockedOn: string | undefined;
  for (;;) {
    if (wait.signal?.aborted) return false;
    const grant = await acquire({ tags: wait.tags, taskRunId: wait.taskRunId, owner: wait.owner, now: Date.now() });
    if (grant.acquired) return true;
    const blockedBy = grant.blockedBy ?? { tag: wait.tags[0]!, limit: 0 };
    if (blockedBy.tag !== blockedOn) {
      blockedOn = blockedBy.tag;
      wait.onBlocked(blockedBy);
    }
    if (!(await pause(delay * (0.75 + Math.random() * 0.5), wait.signal))) return false;
    delay = Math.min(MAX_POLL_MS, delay * 1.5);
  }
}

function pause(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** What every store checks before storing a limit: a bad one would block a tag forever. */
export function validateConcurrencyLimit(tag: string, limit: number | null): void {
  if (typeof tag !== "string" || tag.trim() === "") throw new RangeError("A concurrency limit needs a non-empty tag");
  if (limit !== null && (!Number.isSafeInteger(limit) || limit < 1)) {
    throw new RangeError(`The concurrency limit of tag '${tag}' must be a positive integer, not ${String(limit)}`);
  }
}
