/** The frame every case file uses: run the body, print its result as the last stdout line, exit non-zero on failure. */
import { emitResult, type CaseResult } from "./result.ts";

export async function runCase(name: string, body: () => Promise<CaseResult>): Promise<void> {
  try {
    const result = await body();
    emitResult(result);
    if (result.error) process.exitCode = 1;
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`${name} failed: ${message}\n`);
    process.exitCode = 1;
  }
}

/** Named correctness checks on what was recorded; `error` lists those that did not hold. */
export class Checks {
  readonly values: Record<string, number | string | boolean> = {};
  private readonly failures: string[] = [];

  expect(name: string, actual: number | string | boolean, expected: number | string | boolean): void {
    this.values[name] = actual;
    if (actual !== expected) this.failures.push(`${name}: expected ${String(expected)}, got ${String(actual)}`);
  }

  note(name: string, value: number | string | boolean): void {
    this.values[name] = value;
  }

  get error(): string | undefined {
    return this.failures.length === 0 ? undefined : this.failures.join("; ");
  }
}
