/**
 * Whether the canvas's viewport is moving (a pan or zoom between xyflow's onMoveStart and
 * onMoveEnd), and since when the canvas has been left alone, so background work can wait for the
 * user instead of dropping frames mid-pan.
 */
let moving = false;
/** When the view last moved, the canvas was shown (its first render is heavy work too), or the user last used it. */
let lastActive = -Infinity;
const stopped = new Set<() => void>();

const now = () => performance.now();

export function setViewportMoving(value: boolean): void {
  moving = value;
  lastActive = now();
  if (value) return;
  const waiting = [...stopped];
  stopped.clear();
  for (const f of waiting) f();
}

/**
 * The canvas was just shown, or the user is using it (the pointer moving over it, a wheel, a key):
 * work that waits for a still view counts from here. A pointer on the move is a pan or drag about
 * to start.
 */
export function markCanvasActive(): void {
  lastActive = now();
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

export interface QuietOptions {
  /** Waits at most this long for an idle moment once the view is still (ms). */
  idleTimeout?: number;
  /** The view must have been still and the canvas left alone this long (ms); see markCanvasActive. */
  stillFor?: number;
}

/**
 * Runs `f` when the viewport has been still and the canvas left alone for `stillFor` ms, and the
 * page is idle (at the latest `idleTimeout` ms after that). A move or a use of the canvas
 * meanwhile starts the wait again. Returns a cancel.
 */
export function whenQuiet(f: () => void, options: QuietOptions = {}): () => void {
  const { idleTimeout = 1000, stillFor = 0 } = options;
  let cancel = () => {};
  const attempt = () => {
    if (moving) {
      cancel = onViewportStopped(attempt);
      return;
    }
    const wait = lastActive + stillFor - now();
    if (wait > 0) {
      const id = setTimeout(attempt, wait);
      cancel = () => clearTimeout(id);
      return;
    }
    const handle = idle(() => {
      if (moving || now() - lastActive < stillFor) return attempt();
      cancel = () => {};
      f();
    }, idleTimeout);
    cancel = () => handle.cancel();
  };
  attempt();
  return () => cancel();
}
