/** `flowbench server`: the host, the API and the UI over HTTP on 127.0.0.1:4200, until Ctrl-C. */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { createEngine } from "../../engine/engine.ts";
import { packageRoot } from "../../graph/workspace.ts";
import { createHost } from "../../host/index.ts";
import { flowbenchHome } from "../../platform/paths.ts";
import { startServer } from "../../server/index.ts";
import { CliError } from "../errors.ts";

export interface ServerCommandOptions {
  port?: string;
  host?: string;
  token?: string;
}

export async function serverCommand(options: ServerCommandOptions, stop: AbortSignal): Promise<number> {
  const port = options.port === undefined ? 4200 : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port must be a whole number from 0 to 65535, not '${options.port}'`, 2);
  if (options.token !== undefined && options.token.length < 16) throw new CliError("--token must be at least 16 characters", 2);
  const home = flowbenchHome();
  const host = await createHost({ home, engine: (o) => createEngine(o) });
  let server;
  try {
    server = await startServer({ host, port, ...(options.host ? { hostname: options.host } : {}), ...(options.token ? { token: options.token } : {}), staticDir: rendererDir() });
  } catch (error) {
    await host.close();
    const e = error as NodeJS.ErrnoException;
    if (e.code === "EADDRINUSE") throw new CliError(`Port ${port} is in use (another flowbench server?); choose another with --port`);
    if (e.code === "EADDRNOTAVAIL") throw new CliError(`${options.host} is not an address of this machine`);
    throw new CliError(e.message);
  }
  process.stdout.write(`Flowbench server: ${server.url}\nAPI token for scripts (send it as x-flowbench-token): ${server.token}\nFlows: ${host.context.flows.dir}\nPress Ctrl-C to stop.\n`);
  await new Promise<void>((resolve) => (stop.aborted ? resolve() : stop.addEventListener("abort", () => resolve(), { once: true })));
  await server.close();
  await host.close();
  return 0;
}

/** The renderer's build, when there is one. */
function rendererDir(): string | undefined {
  const dir = join(packageRoot(), "dist", "renderer");
  return existsSync(join(dir, "index.html")) ? dir : undefined;
}
