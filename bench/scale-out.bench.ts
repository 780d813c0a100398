// Scale-out (issue 13): the mixed load — 200 clients for 60 s, 50% plan pages, 25% plans, 20% saves, 5% PDF exports —
// against one server on SQLite (the default install), one server on PostgreSQL, and two servers on one PostgreSQL
// (requests spread round robin, as a reverse proxy would). Throughput, p50/p99 per route, errors, time-outs, requests
// shed with 503 + Retry-After, and whether every acknowledged save reads back from every server.
// TIERWISE_BENCH_CLIENTS / TIERWISE_BENCH_SECONDS shorten it; PostgreSQL comes from TIERWISE_TEST_DATABASE_URL (the
// runs are skipped with the reason when none answers). TIERWISE_BENCH_APP_DIR=<older checkout with a build> runs the
// SQLite configuration on that code instead (the "before" figure; older code has no PostgreSQL).
import type { BenchRow } from "./run";
import { DEFAULT_WEIGHTS, ROUTE_LABEL, runMixedLoad, seed, warmUp, type MixedLoadResult, type RouteName } from "./support/mixed-load";
import { createTestDatabase, POSTGRES_SKIP_REASON, type TestDatabase } from "../test/helpers/databases";
import { buildApp, startBuiltServer, type BuiltServer } from "../test/support/built-server";

export const name = "scale-out (mixed load: SQLite one server, PostgreSQL one and two servers)";

const CLIENTS = Number(process.env.TIERWISE_BENCH_CLIENTS ?? 200);
const SECONDS = Number(process.env.TIERWISE_BENCH_SECONDS ?? 60);

async function measure(label: string, servers: BuiltServer[]): Promise<MixedLoadResult> {
  const urls = servers.map((s) => s.url);
  const ids = await seed(urls[0], 50);
  await warmUp(urls, ids);
  const result = await runMixedLoad({ urls, clients: CLIENTS, seconds: SECONDS, ids, weights: DEFAULT_WEIGHTS });
  console.log(JSON.stringify({ config: label, ...result }));
  return result;
}

/** "POST /api/scenarios 500×1, …": which routes failed and how. */
function errorKinds(r: MixedLoadResult): string {
  const kinds: string[] = [];
  for (const route of Object.keys(r.routes) as RouteName[]) {
    for (const [code, n] of Object.entries(r.routes[route].status))
      if (!/^[234]\d\d$/.test(code)) kinds.push(`${ROUTE_LABEL[route]} ${code}×${n}`);
  }
  return kinds.join(", ") || "none";
}

function rows(label: string, r: MixedLoadResult): BenchRow[] {
  const out: BenchRow[] = [
    {
      metric: `${label}: throughput`,
      value: r.perSecond,
      unit: "req/s",
      note: `${r.requests} requests, ${r.clients} clients, ${r.seconds} s`,
    },
    {
      metric: `${label}: errors (5xx, connection) + time-outs`,
      value: r.errors,
      unit: "",
      target: "= 0",
      ok: r.errors === 0,
      note: `time-outs ${r.timeouts}; ${errorKinds(r)}`,
    },
    { metric: `${label}: shed with 503 + Retry-After`, value: r.shed, unit: "" },
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

  const sqlite = await startBuiltServer(root ? { root } : {});
  try {
    out.push(...rows(`SQLite, 1 server${root ? ` (${root})` : ""}`, await measure("sqlite-1", [sqlite])));
  } finally {
    await sqlite.stop();
  }
  if (root) return out;

  if (POSTGRES_SKIP_REASON) {
    out.push({ metric: "PostgreSQL runs", value: 0, unit: "", note: POSTGRES_SKIP_REASON });
    return out;
  }
  for (const count of [1, 2]) {
    let db: TestDatabase | undefined;
    const servers: BuiltServer[] = [];
    try {
      db = await createTestDatabase("postgres");
      for (let i = 0; i < count; i++) servers.push(await startBuiltServer({ env: db.env }));
      out.push(...rows(`PostgreSQL, ${count} server${count > 1 ? "s" : ""}`, await measure(`postgres-${count}`, servers)));
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
      await db?.drop();
    }
  }
  return out;
}
