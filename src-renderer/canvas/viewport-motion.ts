/**
 * Whether the canvas's viewport is moving (a pan or zoom between xyflow's onMoveStart and
 * onMoveEnd), so background work can wait for it to stop instead of dropping frames mid-pan.
 */
let moving = false;
const stopped = new Set<() => void>();

export function setViewportMoving(value: boolean): void {
  moving = value;
  if (value) return;
  const waiting = [...stopped];
  stopped.clear();
  for (const f of waiting) f();
}

export function isViewportMoving(): boolean {
  return moving;
}

/** Calls `f` once the viewport stops moving; returns a cancel. */
export function onViewportStopped(f: () => void): () => void {
  stopped.add(f);
  return () => stopped.delete(f);
}

type IdleHandle = { cancel(): void };

function idle(f: () => void, timeout: number): IdleHandle {
  if (typeof requestIdleCallback === "function") {
    const id = requestIdleCallback(() => f(), { timeout });
    return { cancel: () => cancelIdleCallback(id) };
  }
  const id = setTimeout(f, 1);
  return { cancel: () => clearTimeout(id) };
}

/**
 * Runs `f` when the page is idle (at the latest `timeout` ms later) and the viewport is still:
 * while it moves, waits for it to stop, then for idle again. Returns a cancel.
 */
export function whenQuiet(f: () => void, timeout = 1000): () => void {
  let cancel = () => {};
  const attempt = () => {
    const handle = idle(() => {
      if (moving) {
        cancel = onViewportStopped(attempt);
        return;
      }
      cancel = () => {};
      f();
    }, timeout);
    cancel = () => handle.cancel();
  };
  if (moving) cancel = onViewportStopped(attempt);
  else attempt();
  return () => cancel();
}
