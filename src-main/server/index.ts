/**
 * `flowbench server`: the API host over HTTP and a WebSocket, and the UI, on
 * 127.0.0.1 by default. Listening elsewhere needs an explicit token.
 */
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { ApiHost } from "../host/types.ts";
import { isLoopback, type GuardOptions } from "./guard.ts";
import { createRequestHandler } from "./http.ts";
import { createUpgradeHandler } from "./ws.ts";

export interface ServerOptions {
  host: ApiHost;
  port?: number;
  hostname?: string;
  token?: string;
  /** The renderer's build; a status page is served without it. */
  staticDir?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const hostname = options.hostname ?? "127.0.0.1";
  if (!isLoopback(hostname) && !options.token) {
    throw new Error(`Listening on ${hostname} makes the API reachable from other machines: pass --token to choose the token they must send`);
  }
  const token = options.token ?? randomBytes(24).toString("hex");
  const guard: GuardOptions = { hostname, port: options.port ?? 4200, token };
  const server: Server = createServer();
  const upgrade = createUpgradeHandler(options.host, guard);
  server.on("request", createRequestHandler(options.host, guard, options.staticDir));
  server.on("upgrade", upgrade.handle);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(guard.port, hostname, () => resolve());
  });
  // Port 0 picks a free port: the guard (shared with the handlers) must know which.
  guard.port = (server.address() as AddressInfo).port;
  const shownHost = hostname.includes(":") ? `[${hostname}]` : hostname;
  return {
    url: `http://${shownHost}:${guard.port}`,
    port: guard.port,
    token,
    close: async () => {
      upgrade.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
