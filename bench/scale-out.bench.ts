// Scale-out (issue 13): the mixed load — 200 clients for 60 s, 50% plan pages, 25% plans, 20% saves, 5% PDF exports —
// against one server on SQLite (the default install), one server on PostgreSQL, and two servers on one PostgreSQL
// (requests spread round robin, as a reverse proxy would). Throughput, p50/p99 per route, errors, time-outs, requests
// shed with 503 + Retry-After, and whether every acknowledged save reads back from every server.
// Issue 12 item 2's targets: 0 errors, 0 time-outs, nothing shed, save p99 under 1 s.
//
// Configuration, stated: the servers run with their default rate limits ON and TIERWISE_TRUST_PROXY=1, and each of the
// 200 clients sends its own X-Forwarded-For address, as the people behind a reverse proxy would. (All 200 clients come
// from one address on this machine; counted as one caller, the per-address limits would answer most plans and saves
// 429 and the bench would measure the limiter.) 429s are counted and reported (target 0).
// TIERWISE_BENCH_CLIENTS / TIERWISE_BENCH_SECONDS shorten it; TIERWISE_BENCH_CONFIGS=sqlite-1,postgres-1,postgres-2
// picks configurations (default: all three). PostgreSQL comes from TIERWISE_TEST_DATABASE_URL (the runs are skipped
// with the reason when none answers). TIERWISE_BENCH_APP_DIR=<older checkout with a build> runs the SQLite
// configuration on that code instead (the "before" figure).
import { loadavg } from "node:os";
import type { BenchRow } from "./run";
import {
  DEFAULT_WEIGHTS,
  OPENING_MS,
  ROUTE_LABEL,
  runMixedLoad,
  seed,
  warmUp,
  type MixedLoadResult,
  type RouteName,
} from "./support/mixed-load";
import { createTestDatabase, POSTGRES_SKIP_REASON, type TestDatabase } from "../test/helpers/databases";
import { buildApp, startBuiltServer, type BuiltServer } from "../test/support/built-server";

export const name = "scale-out (mixed load: SQLite one server, PostgreSQL one and two servers)";

const CLIENTS = Number(process.env.TIERWISE_BENCH_CLIENTS ?? 200);
const SECONDS = Number(process.env.TIERWISE_BENCH_SECONDS ?? 60);
const CONFIGS = (process.env.TIERWISE_BENCH_CONFIGS ?? "sqlite-1,postgres-1,postgres-2").split(",").map((c) => c.trim());
const SAVE_P99_TARGET_MS = 1000;
/** Rate limits stay on; each client is its own caller through X-Forwarded-For (see the header). */
const SERVER_ENV = { TIERWISE_TRUST_PROXY: "1" };

type Measured = MixedLoadResult & { loadAverage: number[] };

async function measure(label: string, servers: BuiltServer[]): Promise<Measured> {
  const urls = servers.map((s) => s.url);
  const ids = await seed(urls[0], 50);
  await warmUp(urls, ids);
  const [load1] = loadavg();
  const result = await runMixedLoad({ urls, clients: CLIENTS, seconds: SECONDS, ids, weights: DEFAULT_WEIGHTS, clientAddresses: true });
  const loadAverage = [load1, loadavg()[0]].map((x) => Math.round(x * 100) / 100);
  console.log(JSON.stringify({ config: label, loadAverage, ...result }));
  return { ...result, loadAverage };
}

/** "POST /api/scenarios 500×1, …": which routes failed and how. */
function errorKinds(r: MixedLoadResult): string {
  const kinds: string[] = [];
  for (const route of Object.keys(r.routes) as RouteName[]) {
    for (const [code, n] of Object.entries(r.routes[route].status))
      if (!/^[23]\d\d$/.test(code)) kinds.push(`${ROUTE_LABEL[route]} ${code}×${n}`);
  }
  return kinds.join(", ") || "none";
}

function rows(label: string, r: Measured): BenchRow[] {
  const out: BenchRow[] = [
    {
      metric: `${label}: throughput`,
      value: r.perSecond,
      unit: "req/s",
      note: `${r.requests} requests, ${r.clients} clients, ${r.seconds} s; load average ${r.loadAverage.join(" → ")} (2 cores, shared)`,
    },
    {
      metric: `${label}: errors (5xx, connection, time-outs)`,
      value: r.errors,
      unit: "",
      target: "= 0",
      ok: r.errors === 0,
      note: errorKinds(r),
    },
    { metric: `${label}: time-outs (30 s)`, value: r.timeouts, unit: "", target: "= 0", ok: r.timeouts === 0 },
    { metric: `${label}: shed with 503 + Retry-After`, value: r.shed, unit: "", target: "= 0", ok: r.shed === 0 },
    { metric: `${label}: refused 429 by a rate limit`, value: r.limited, unit: "", target: "= 0", ok: r.limited === 0 },
    {
      metric: `${label}: save (POST /api/scenarios) p99`,
      value: r.routes.save.p99,
      unit: "ms",
      target: `< ${SAVE_P99_TARGET_MS}`,
      ok: r.routes.save.p99 < SAVE_P99_TARGET_MS,
      note: `p50 ${r.routes.save.p50} ms, max ${r.routes.save.max} ms`,
    },
    {
      metric: `${label}: save p99 after the opening ${OPENING_MS / 1000} s`,
      value: r.routes.save.afterOpening.p99,
      unit: "ms",
      note: `the clients no longer connect at once; n ${r.routes.save.afterOpening.n}, max ${r.routes.save.afterOpening.max} ms`,
    },
    {
      metric: `${label}: acknowledged saves not readable`,
      value: r.unreadableSaves,
      unit: "",
      target: "= 0",
      ok: r.unreadableSaves === 0,
      note: `${r.acknowledgedSaves} saves`,
    },
  ];
  for (const route of Object.keys(r.routes) as RouteName[]) {
    const x = r.routes[route];
    out.push({
      metric: `${label}: ${ROUTE_LABEL[route]} p50`,
      value: x.p50,
      unit: "ms",
      note: `p99 ${x.p99} ms, ${x.perSecond}/s, n ${x.n}`,
    });
  }
  return out;
}

export async function run(): Promise<BenchRow[]> {
  const root = process.env.TIERWISE_BENCH_APP_DIR;
  if (!root && process.env.TIERWISE_BENCH_SKIP_BUILD !== "1") buildApp();
  const out: BenchRow[] = [];

  if (CONFIGS.includes("sqlite-1") || root) {
    const sqlite = await startBuiltServer(root ? { root, env: SERVER_ENV } : { env: SERVER_ENV });
    try {
      out.push(...rows(`SQLite, 1 server${root ? ` (${root})` : ""}`, await measure("sqlite-1", [sqlite])));
    } finally {
      await sqlite.stop();
    }
  }
  if (root) return out;
  const counts = [1, 2].filter((n) => CONFIGS.includes(`postgres-${n}`));
  if (counts.length === 0) return out;

  if (POSTGRES_SKIP_REASON) {
    out.push({ metric: "PostgreSQL runs", value: 0, unit: "", note: POSTGRES_SKIP_REASON });
    return out;
  }
  for (const count of counts) {
    let db: TestDatabase | undefined;
    const servers: BuiltServer[] = [];
    try {
      db = await createTestDatabase("postgres");
      for (let i = 0; i < count; i++) servers.push(await startBuiltServer({ env: { ...db.env, ...SERVER_ENV } }));
      out.push(...rows(`PostgreSQL, ${count} server${count > 1 ? "s" : ""}`, await measure(`postgres-${count}`, servers)));
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
      await db?.drop();
    }
  }
  return out;
}
