#!/usr/bin/env node
import { assertNodeVersion } from "../platform/node-version.ts";

try {
  assertNodeVersion();
} catch (error) {
  process.stderr.write(`flowbench: ${(error as Error).message}\n`);
  process.exit(1);
}
// The SDK entry wires the platform and store before any flow file is imported.
await import("../sdk.ts");
const { buildProgram } = await import("./program.ts");
let code = 0;
await buildProgram((c) => (code = c)).parseAsync(process.argv);
process.exitCode = code;
