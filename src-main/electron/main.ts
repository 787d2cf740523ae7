/**
 * The Electron entry ("main" in package.json): `electron .` or the packaged app
 * runs dist/src-main/electron/main.js. It only wires the real host into
 * startApp, the way `flowbench server` builds it: the run history is the one
 * the CLI uses, in $FLOWBENCH_HOME (default ~/.flowbench), while Electron's own
 * userData (window state, Chromium's caches) stays where Electron puts it.
 */
import { createEngine } from "../engine/engine.ts";
import { createHost } from "../host/index.ts";
import { flowbenchHome } from "../platform/paths.ts";
import { startApp } from "./app.ts";

await startApp(({ home }) => createHost({ home, engine: (options) => createEngine(options) }), { home: flowbenchHome(), electronDir: import.meta.dirname });
