/**
 * api-latency: `client.call("runs.list", ...)` round trips against a real host and server
 * on loopback, over a history of 100,000 flow runs. Three queries, each a page of 50:
 * the newest runs, one flow's FAILED runs, and the second page by cursor. Every repetition
 * times, one after another (in rotating order), for each query: the store's own listFlowRuns (the baseline),
 * the host's dispatch called directly (zod on the input and output, no transport), a plain
 * node:http round trip returning a same-size JSON body, and the real client call.
 * 50 warm-ups, then 300 repetitions; p50 and p95 of each. The goal is on the slowest
 * query's p50. Checks, outside the timed part: the history holds 100,000 runs, and each
 * query answers over HTTP exactly what the store answers directly.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { isDeepStrictEqual } from "node:util";
import type { MethodInput } from "../../shared/api/contract.ts";
import type { FlowRunQuery } from "../../shared/store/types.ts";
import { startBenchHost, type BenchHost } from "../lib/api-host.ts";
import { Checks, runCase } from "../lib/case.ts";
import { SEED_FLOWS, seedHistory } from "../lib/seed-runs.ts";
import { collectGarbage, latencySummary, percentile, round, timeAsync } from "../lib/timing.ts";

const RUNS = 100_000;
const PAGE = 50;
const WARMUP = 50;
const REPS = 300;
const GOAL_MS = 5;

/** The ways each query is asked, timed in turn: the store directly, the host's dispatch, a plain HTTP round trip, the real client. */
const WAYS = ["store", "dispatch", "plainHttp", "client"] as const;
type Way = (typeof WAYS)[number];

interface Shape {
  name: string;
  query: MethodInput<"runs.list"> & FlowRunQuery;
}

/** A stand-in for the API server that does no work: answers every POST with a fixed body, after reading the request as the server does. */
async function startFixedServer(bodies: ReadonlyMap<string, string>): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      JSON.parse(Buffer.concat(chunks).toString("utf8"));
      res.writeHead(200, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
      res.end(bodies.get(req.url ?? "") ?? "{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

await runCase("api-latency", async () => {
  const checks = new Checks();
  let seedMs = 0;
  const bench = await startBenchHost("api-latency", async (store) => {
    seedMs = await timeAsync(() => seedHistory(store, RUNS));
  });
  let measuredRun: Awaited<ReturnType<typeof measure>>;
  try {
    measuredRun = await measure(bench, checks);
  } finally {
    await bench.dispose();
  }
  const { shapes, bodies, times } = measuredRun;

  const perShape = shapes.map((shape, i) => ({
    query: shape.name,
    input: shape.query,
    responseBytes: Buffer.byteLength(bodies.get(`/api/call/runs.list/${i}`)!),
    clientMs: latencySummary(times[i]!.client),
    storeMs: latencySummary(times[i]!.store),
    dispatchMs: latencySummary(times[i]!.dispatch),
    plainHttpMs: latencySummary(times[i]!.plainHttp),
  }));
  const p50 = (i: number, way: Way): number => percentile(times[i]![way], 50);
  const worst = shapes.map((_, i) => i).reduce((a, b) => (p50(b, "client") > p50(a, "client") ? b : a));
  const measured = p50(worst, "client");
  const baseline = p50(worst, "store");
  return {
    case: "api-latency",
    measured: { label: `client.call("runs.list"), page of 50 of 100k runs, over HTTP on loopback: p50 of the slowest of 3 queries (${shapes[worst]!.name}), ${REPS} calls each`, value: round(measured, 2), unit: "ms" },
    baseline: { label: `store.listFlowRuns of the same query, called directly (p50)`, value: round(baseline, 3), unit: "ms" },
    derived: { label: "÷ store call", value: round(measured / baseline, 1), unit: "×" },
    goal: { text: `p50 < ${GOAL_MS} ms`, pass: perShape.every((_, i) => p50(i, "client") < GOAL_MS) },
    checks: checks.values,
    details: {
      runs: RUNS,
      seedMs: round(seedMs, 0),
      warmups: WARMUP,
      reps: REPS,
      slowestQuery: shapes[worst]!.name,
      perQuery: perShape,
      // Where a call's time goes, from the p50s of the slowest query.
      breakdownMs: {
        store: round(baseline, 3),
        // The store call plus zod on the input and the output: zod's share is within the noise.
        dispatch: round(p50(worst, "dispatch"), 3),
        plainHttpRoundTrip: round(p50(worst, "plainHttp"), 3),
        // The server's routing, guard and JSON.stringify of the answer.
        restOfClientCall: round(measured - p50(worst, "dispatch") - p50(worst, "plainHttp"), 3),
      },
    },
    ...(checks.error ? { error: checks.error } : {}),
  };
});

/** Checks the answers, then times every way of asking each query; the stand-in server is closed before returning. */
async function measure(bench: BenchHost, checks: Checks) {
  checks.expect("flow runs in the history", bench.count("SELECT count(*) FROM flow_runs"), RUNS);
  const { store, client, host } = bench;

  const first = await store.listFlowRuns({ limit: PAGE });
  const flowName = SEED_FLOWS[0]![0];
  const shapes: Shape[] = [
    { name: "first page", query: { limit: PAGE } },
    { name: "flow + FAILED", query: { flowName, states: ["FAILED"], limit: PAGE } },
    { name: "second page", query: { limit: PAGE, cursor: first.nextCursor } },
  ];

  // What each query answers, straight from the store, JSON as it goes over the wire; the stand-in server sends the same bytes.
  const bodies = new Map<string, string>();
  for (const [i, shape] of shapes.entries()) {
    const page = await store.listFlowRuns(shape.query);
    const body = JSON.stringify({ ok: true, result: page });
    bodies.set(`/api/call/runs.list/${i}`, body);
    const answered = await client.call("runs.list", shape.query);
    checks.expect(`${shape.name}: items`, answered.items.length, PAGE);
    checks.expect(`${shape.name}: HTTP answer equals the store's`, isDeepStrictEqual(answered, JSON.parse(JSON.stringify(page))), true);
  }
  const filtered = await client.call("runs.list", shapes[1]!.query);
  checks.expect("flow + FAILED: only that flow's failed runs", filtered.items.every((r) => r.flowName === flowName && r.stateType === "FAILED"), true);
  const second = await client.call("runs.list", shapes[2]!.query);
  checks.expect("second page: older than the first", second.items[0]!.createdAt <= first.items.at(-1)!.createdAt && !first.items.some((r) => r.id === second.items[0]!.id), true);

  const fixed = await startFixedServer(bodies);
  try {
    const direct = { transport: "direct" as const, mayMutate: false };
    const ways: Record<Way, (s: Shape, i: number) => Promise<unknown>> = {
      store: (s: Shape) => store.listFlowRuns(s.query),
      dispatch: (s: Shape) => host.dispatch("runs.list", s.query, direct),
      plainHttp: async (s: Shape, i: number) => {
        const response = await fetch(`${fixed.url}/api/call/runs.list/${i}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(s.query) });
        return JSON.parse(await response.text()) as unknown;
      },
      client: (s: Shape) => client.call("runs.list", s.query),
    };
    const times = shapes.map((): Record<Way, number[]> => ({ store: [], dispatch: [], plainHttp: [], client: [] }));
    let shortPages = 0;
    for (let rep = -WARMUP; rep < REPS; rep++) {
      for (const [i, shape] of shapes.entries()) {
        // A different one goes first each time, so no way always runs on a cold cache or right after another's garbage.
        for (let k = 0; k < WAYS.length; k++) {
          const way = WAYS[(k + rep + WARMUP + i) % WAYS.length]!;
          let answer: unknown;
          const ms = await timeAsync(async () => (answer = await ways[way](shape, i)));
          if (rep < 0) continue;
          times[i]![way].push(ms);
          if (way === "client" && (answer as { items: unknown[] }).items.length !== PAGE) shortPages++;
        }
      }
      if (rep === -1) collectGarbage();
    }
    checks.expect("timed client calls with a short page", shortPages, 0);
    return { shapes, bodies, times };
  } finally {
    await fixed.close();
  }
}
