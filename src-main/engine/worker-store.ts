import type { RunStore, WriteBatch } from "../../shared/store/types.ts";

/**
 * The store as a worker's SDK sees it: the real one, plus a call after each write
 * that succeeded, which the worker turns into a `flushed` message so the host can
 * push changes at once instead of polling the file. A Proxy, so every other member,
 * including any the interface gains later, reaches the store unchanged.
 */
export function notifyingStore(store: RunStore, written: () => void): RunStore {
  const write = (batch: WriteBatch): void | Promise<void> => {
    const out = store.write(batch);
    if (out instanceof Promise) return out.then(written);
    written();
  };
  const writeSync = store.writeSync?.bind(store);
  const writeSyncAndTell = writeSync && ((batch: WriteBatch): void => {
    writeSync(batch);
    written();
  });
  return new Proxy(store, {
    get(target, key) {
      if (key === "write") return write;
      if (key === "writeSync") return writeSyncAndTell;
      const value: unknown = Reflect.get(target, key, target);
      // Methods of a class with #private fields only work with the real store as `this`.
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
