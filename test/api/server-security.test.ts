/**
 * What the server refuses: requests through a name that is not its own (DNS
 * rebinding), from other sites' pages, mutations without the token, and
 * requests it cannot read. It keeps serving after each.
 */
import { request } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { createHost, type Host } from "../../src-main/host/index.ts";
import { startServer, type RunningServer } from "../../src-main/server/index.ts";

let home: string;
let host: Host;
let server: RunningServer;
beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), "flowbench-security-"));
  const engine = { start: async () => ({ runId: "r1" }), cancel: async () => false, onFlush: () => () => {}, close: async () => {} };
  host = await createHost({ home, engine: () => engine });
  server = await startServer({ host, port: 0 });
});
afterAll(async () => {
  await server.close();
  await host.close();
  rmSync(home, { recursive: true, force: true });
});

interface Answer {
  status: number;
  body: string;
  json: { ok: boolean; error?: { code: string; message: string } };
}

/** node:http, not fetch: fetch will not send a Host header of our choosing. */
function call(path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: server.port, path, method: options.method ?? "POST", headers: { "content-type": "application/json", ...options.headers } }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => {
        let json: Answer["json"] = { ok: false };
        try {
          json = JSON.parse(body) as Answer["json"];
        } catch {
          // Pages are not JSON.
        }
        resolve({ status: res.statusCode ?? 0, body, json });
      });
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

const mutation = JSON.stringify({ flowId: "hello" });

describe("flowbench server", () => {
  it("answers its own names on loopback", async () => {
    for (const name of ["127.0.0.1", "localhost"]) {
      const answer = await call("/api/call/app.info", { headers: { host: `${name}:${server.port}` }, body: "{}" });
      expect(answer.status).toBe(200);
      expect(answer.json.ok).toBe(true);
    }
  });

  it("refuses a Host header that is not its own, as a DNS-rebinding page would send", async () => {
    const answer = await call("/api/call/app.info", { headers: { host: `evil.example:${server.port}` }, body: "{}" });
    expect(answer.status).toBe(403);
    expect(answer.json.error).toMatchObject({ code: "forbidden", message: expect.stringContaining("Host 'evil.example") });
    expect((await call("/", { method: "GET", headers: { host: "evil.example" } })).status).toBe(403);
  });

  it("refuses requests from another site's page, and from a different port", async () => {
    for (const origin of ["http://evil.example", `http://127.0.0.1:${server.port + 1}`, "null"]) {
      const answer = await call("/api/call/app.info", { headers: { host: `127.0.0.1:${server.port}`, origin }, body: "{}" });
      expect(answer.status, origin).toBe(403);
    }
    const own = await call("/api/call/app.info", { headers: { host: `127.0.0.1:${server.port}`, origin: `http://127.0.0.1:${server.port}` }, body: "{}" });
    expect(own.status).toBe(200);
  });

  it("needs the token for mutations, not for reads", async () => {
    const host = { host: `127.0.0.1:${server.port}` };
    const without = await call("/api/call/runs.start", { headers: host, body: mutation });
    expect(without.status).toBe(401);
    expect(without.json.error?.message).toContain("needs the server's token");
    const wrong = await call("/api/call/runs.start", { headers: { ...host, "x-flowbench-token": "x".repeat(server.token.length) }, body: mutation });
    expect(wrong.status).toBe(401);
    const right = await call("/api/call/runs.start", { headers: { ...host, "x-flowbench-token": server.token }, body: mutation });
    // Authorised: it gets as far as looking for the flow.
    expect(right.json.error?.code).toBe("not-found");
    expect((await call("/api/call/runs.list", { headers: host, body: "{}" })).status).toBe(200);
  });

  it("answers unreadable requests with a 4xx and a message, and keeps serving", async () => {
    const host = { host: `127.0.0.1:${server.port}` };
    const badJson = await call("/api/call/runs.list", { headers: host, body: "{ nope" });
    expect(badJson.status).toBe(400);
    expect(badJson.json.error?.message).toMatch(/^The request body is not valid JSON/);
    const wrongShape = await call("/api/call/runs.list", { headers: host, body: JSON.stringify({ limit: "ten" }) });
    expect(wrongShape.status).toBe(400);
    expect(wrongShape.json.error?.message).toMatch(/^Invalid input for runs\.list: limit: /);
    expect((await call("/api/call/runs.get", { headers: host, body: JSON.stringify({ runId: "missing" }) })).status).toBe(404);
    expect((await call("/api/call/nope", { headers: host, body: "{}" })).status).toBe(404);
    expect((await call("/api/whatever", { headers: host, body: "{}" })).status).toBe(404);
    expect((await call("/api/call/runs.list", { method: "GET", headers: host })).status).toBe(400);
    const huge = await call("/api/call/graph.validate", { headers: host, body: Buffer.alloc(9 * 1024 * 1024, 32) });
    expect(huge.status).toBe(413);
    expect((await call("/api/call/app.info", { headers: host, body: "{}" })).status).toBe(200);
  });

  it("serves the page with a strict CSP and the token for the page to use", async () => {
    const page = await call("/", { method: "GET", headers: { host: `127.0.0.1:${server.port}` } });
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<meta name="flowbench-token" content="${server.token}">`);
  });

  it("refuses event sockets from other sites and other names", async () => {
    const open = (headers: Record<string, string>) =>
      new Promise<number | "open">((resolve) => {
        const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api/events`, { headers });
        ws.on("open", () => {
          ws.close();
          resolve("open");
        });
        ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
        ws.on("error", () => undefined);
      });
    expect(await open({ origin: "http://evil.example" })).toBe(403);
    expect(await open({ host: "evil.example" })).toBe(403);
    expect(await open({ origin: `http://localhost:${server.port}` })).toBe("open");
  });

  it("will not listen beyond loopback without an explicit token", async () => {
    await expect(startServer({ host, port: 0, hostname: "0.0.0.0" })).rejects.toThrow(/pass --token/);
  });
});
