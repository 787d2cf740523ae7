/**
 * Who may talk to the server. A browser page on another site can reach
 * 127.0.0.1 too: the Host check defeats DNS rebinding, the Origin check
 * cross-site requests, and the token anything that changes state.
 */
import { timingSafeEqual } from "node:crypto";

export interface GuardOptions {
  /** The address the server listens on, and its port. */
  hostname: string;
  port: number;
  token: string;
}

const LOOPBACK_NAMES = ["127.0.0.1", "localhost", "[::1]"];

export function isLoopback(hostname: string): boolean {
  return hostname === "127.0.0.1" || hostname === "localhost" || hostname === "::1" || hostname === "[::1]";
}

/** The Host header values this server answers to: its own address (and loopback names when on loopback), with its port. */
export function allowedHosts(options: GuardOptions): Set<string> {
  const names = isLoopback(options.hostname) ? LOOPBACK_NAMES : [options.hostname.includes(":") ? `[${options.hostname}]` : options.hostname];
  return new Set(names.map((name) => `${name}:${options.port}`));
}

/**
 * Why a request must be refused (403), or undefined. Origin may be absent (scripts, curl); if present it must be ours.
 * `anyOrigin`: webhooks, which other sites' servers (and pages) call; their secret URL is the credential. Host is still checked.
 */
export function refuse(headers: { host?: string | undefined; origin?: string | undefined }, options: GuardOptions, anyOrigin = false): string | undefined {
  const hosts = allowedHosts(options);
  const host = headers.host?.toLowerCase();
  if (!host || !hosts.has(host)) return `Host '${headers.host ?? ""}' is not this server (${[...hosts].join(", ")}); requests through other names are refused`;
  if (headers.origin === undefined || anyOrigin) return undefined;
  let origin: URL | undefined;
  try {
    origin = new URL(headers.origin);
  } catch {
    origin = undefined;
  }
  if (!origin || origin.protocol !== "http:" || !hosts.has(origin.host)) return `Origin '${headers.origin}' is not this server; cross-site requests are refused`;
  return undefined;
}

export function tokenMatches(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
