/**
 * The HTTP side: POST /api/call/<method> with the input as JSON, answered with
 * the envelope (and the matching status). Everything else is the UI's files.
 * Bad requests get a 4xx envelope with a message; nothing reaches the host unchecked.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError, HTTP_STATUS, type Envelope } from "../../shared/api/errors.ts";
import type { ApiHost } from "../host/types.ts";
import type { WebhookBody, WebhookReceiver } from "../triggers/webhook.ts";
import { refuse, tokenMatches, type GuardOptions } from "./guard.ts";
import { CSP, pageFor } from "./pages.ts";

export const MAX_BODY_BYTES = 8 * 1024 * 1024;
export const TOKEN_HEADER = "x-flowbench-token";

/** Webhooks: POST /hooks/<trigger-id>/<secret>. */
const HOOK_PATH = /^\/hooks\/([^/]+)\/([^/]+)$/;

export function createRequestHandler(host: ApiHost & { webhook?: WebhookReceiver }, guard: GuardOptions, staticDir: string | undefined) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://server");
    const isHook = url.pathname.startsWith("/hooks/");
    const refused = refuse({ host: req.headers.host, origin: req.headers.origin }, guard, isHook);
    if (refused) return send(res, fail("forbidden", refused));
    if (isHook) return hook(req, res, url.pathname);
    if (url.pathname.startsWith("/api/")) return api(req, res, url.pathname);
    if (req.method !== "GET" && req.method !== "HEAD") return send(res, fail("bad-request", `${req.method} is not allowed on ${url.pathname}`), { allow: "GET, HEAD" });
    const page = pageFor(staticDir, url.pathname, guard.token);
    res.writeHead(page.status, { "content-type": page.type, "content-security-policy": page.csp ?? CSP, "x-content-type-options": "nosniff", "cache-control": "no-store" });
    res.end(req.method === "HEAD" ? undefined : page.body);
  };

  async function api(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const match = /^\/api\/call\/([\w.-]+)$/.exec(path);
    if (!match) return send(res, fail("not-found", `There is no API route ${path}; calls go to POST /api/call/<method>`));
    if (req.method !== "POST") return send(res, fail("bad-request", `Call ${match[1]} with POST and a JSON body`), { allow: "POST" });
    let input: unknown;
    try {
      input = await readJson(req);
    } catch (error) {
      return send(res, (error as ApiError).toBody ? { ok: false, error: (error as ApiError).toBody() } : fail("bad-request", String(error)));
    }
    const mayMutate = tokenMatches(header(req, TOKEN_HEADER), guard.token);
    send(res, await host.dispatch(match[1]!, input, { transport: "http", mayMutate }));
  }

  /** No token: the secret in the path is the credential; the receiver answers unknown and wrong alike. */
  async function hook(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const match = HOOK_PATH.exec(path);
    if (!match || !host.webhook) return send(res, fail("not-found", "There is no such webhook"));
    if (req.method !== "POST") return send(res, fail("bad-request", `Webhooks take POST with a JSON body of parameters, not ${req.method}`), { allow: "POST" });
    let body: WebhookBody;
    try {
      body = { ok: true, value: await readJson(req) };
    } catch (error) {
      body = { ok: false, error: error instanceof ApiError ? error.toBody() : { code: "bad-request", message: String(error) } };
    }
    let answer;
    try {
      answer = await host.webhook(decodeURIComponent(match[1]!), decodeURIComponent(match[2]!), body);
    } catch (error) {
      // A malformed %-escape is no webhook of ours; anything else is the host failing.
      if (error instanceof URIError) return send(res, fail("not-found", "There is no such webhook"));
      return send(res, fail("internal", `The host failed: ${(error as Error).message}`));
    }
    res.writeHead(answer.status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
    res.end(JSON.stringify(answer.body));
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function fail(code: ApiError["code"], message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

function send(res: ServerResponse, envelope: Envelope<unknown>, extra: Record<string, string> = {}): void {
  const status = envelope.ok ? 200 : HTTP_STATUS[envelope.error.code];
  const body = JSON.stringify(envelope);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...extra });
  res.end(body);
}

/** The body as JSON; an empty body is {}. Over the limit, or not JSON, is an ApiError. */
async function readJson(req: IncomingMessage): Promise<unknown> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > MAX_BODY_BYTES) {
    req.resume();
    throw new ApiError("too-large", `The request body is ${declared} bytes; the limit is ${MAX_BODY_BYTES}`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new ApiError("too-large", `The request body is over the limit of ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ApiError("bad-request", `The request body is not valid JSON: ${(error as Error).message}`);
  }
}
