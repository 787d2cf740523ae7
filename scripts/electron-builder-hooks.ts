/**
 * electron-builder leaves every .d.ts file out of an app, always (its default
 * exclusions come after ours). Flowbench type-checks flow graphs at run time
 * with TypeScript, which needs its own lib .d.ts files and Node's types, so
 * those are kept: electron-builder.yml names this file as `onNodeModuleFile`.
 * The SDK's own declarations come in through a separate file set in that config.
 */
import { sep } from "node:path";

const KEEP = ["typescript", "@types/node", "undici-types"].map((name) => `${sep}node_modules${sep}${name.replace("/", sep)}${sep}`);

/** True forces a node_modules file into the package despite the default exclusions. */
export function onNodeModuleFile(file: string): boolean {
  return file.endsWith(".d.ts") && KEEP.some((dir) => file.includes(dir));
}
export default onNodeModuleFile;
