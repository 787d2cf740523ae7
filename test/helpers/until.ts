/** Polls `read` until it gives something other than undefined, and returns that; throws after the timeout, naming what it waited for. */
export async function until<T>(what: string, read: () => Promise<T | undefined>, { timeoutMs = 30_000, pollMs = 100 }: { timeoutMs?: number; pollMs?: number } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
