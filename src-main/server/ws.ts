/**
 * One WebSocket per page for events, on /api/events. The client sends
 * `{ type: "subscribe", id, subscription }` and `{ type: "unsubscribe", id }`;
 * the server sends `{ type: "events", id, batch }` or `{ type: "error", id, error }`.
 * A socket that has not flushed its buffer is skipped by the hub (its cursor
 * stays), so a slow page never holds the engine up and misses nothing.
 */
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { ApiError } from "../../shared/api/errors.ts";
import type { ApiHost, Subscribed } from "../host/types.ts";
import { refuse, type GuardOptions } from "./guard.ts";

/** Past this much unsent data a socket counts as backed up. */
const HIGH_WATER = 4 * 1024 * 1024;
const MAX_MESSAGE = 64 * 1024;

export function createUpgradeHandler(host: ApiHost, guard: GuardOptions) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE });
  wss.on("connection", (socket) => serve(host, socket));
  const handle = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const path = new URL(req.url ?? "/", "http://server").pathname;
    const refused = refuse({ host: req.headers.host, origin: req.headers.origin }, guard) ?? (path === "/api/events" ? undefined : `There is no WebSocket at ${path}`);
    if (refused) {
      socket.end(`HTTP/1.1 ${path === "/api/events" ? "403 Forbidden" : "404 Not Found"}\r\ncontent-type: text/plain\r\nconnection: close\r\n\r\n${refused}`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req));
  };
  return { handle, close: () => wss.close() };
}

function serve(host: ApiHost, socket: WebSocket): void {
  const subscriptions = new Map<string, Subscribed>();
  const send = (message: unknown) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  socket.on("message", (data) => {
    let message: { type?: unknown; id?: unknown; subscription?: unknown };
    try {
      message = JSON.parse(String(data)) as typeof message;
    } catch {
      return send({ type: "error", id: null, error: { code: "bad-request", message: "Messages are JSON: { type, id, ... }" } });
    }
    const id = typeof message.id === "string" ? message.id : null;
    if (id === null) return send({ type: "error", id: null, error: { code: "bad-request", message: "Each message needs a string id" } });
    if (message.type === "unsubscribe") {
      subscriptions.get(id)?.close();
      subscriptions.delete(id);
      return;
    }
    if (message.type !== "subscribe") return send({ type: "error", id, error: { code: "bad-request", message: `Unknown message type '${String(message.type)}'` } });
    subscriptions.get(id)?.close();
    try {
      subscriptions.set(id, host.subscribe(message.subscription, { send: (batch) => send({ type: "events", id, batch }), backedUp: () => socket.bufferedAmount > HIGH_WATER }));
    } catch (error) {
      const body = error instanceof ApiError ? error.toBody() : { code: "internal", message: String(error) };
      send({ type: "error", id, error: body });
    }
  });
  socket.on("close", () => {
    for (const s of subscriptions.values()) s.close();
    subscriptions.clear();
  });
}
