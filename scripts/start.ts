/**
 * `npm start`. The desktop app and `flowbench server` come with the engine host
 * (issue #4); until then this runs the sample flow against the real history and
 * lists the runs, so a fresh clone shows something true.
 */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const bin = resolve(root, "src-main/cli/bin.ts");
const node = (args: string[]) => spawnSync(process.execPath, ["--conditions=flowbench-source", bin, ...args], { stdio: "inherit", cwd: root }).status ?? 1;

process.stdout.write("Flowbench: the desktop app and `flowbench server` are not built yet; running the sample flow instead.\n\n");
const status = node(["run", resolve(root, "resources/flows/hello.ts"), "--params", '{"name":"Flowbench"}']);
process.stdout.write("\nRecent runs (the same history `node your-flow.ts` writes to):\n");
node(["runs", "ls", "--limit", "5"]);
process.exit(status);
