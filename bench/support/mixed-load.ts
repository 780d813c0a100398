// The mixed load of the reliability review (H1/H2), reusable: C concurrent clients for S seconds, each picking a route
// by weight (page views, plans, saves, PDF exports) against one or several app servers (round robin, as a proxy
// would), then checking that every acknowledged save is readable. Closed loop: a client sends its next request when
// the previous one has answered.
import { appendFileSync } from "node:fs";
import { loadInput, postJson, summarise, timedRequest, type Summary, type Timed } from "./http";

export type RouteName = "page" | "plan" | "save" | "pdf";
export const ROUTE_LABEL: Record<RouteName, string> = {
  page: "GET /scenarios/:id",
  plan: "POST /api/plan",
  save: "POST /api/scenarios",
  pdf: "GET /scenarios/:id/report.pdf",
};

export interface MixedLoadOptions {
  /** Base URLs of the app servers; requests go round robin over them. */
  urls: string[];
  clients: number;
  seconds: number;
  weights?: Record<RouteName, number>;
  /** Scenarios to read and export; created by `seed` when absent. */
  ids?: string[];
  timeoutMs?: number;
  /**
   * Give each client its own address (X-Forwarded-For 10.x.y.z; the servers must run with TIERWISE_TRUST_PROXY=1), as
   * a proxy in front of many people would: the per-address rate limits then count each client, not the whole crowd.
   */
  clientAddresses?: boolean;
}

export interface RouteResult extends Summary {
  /**
   * The same figures for the requests sent after the opening seconds (OPENING_MS), when the 200 clients no longer
   * connect at once: the route's steady state, beside the whole run's figures (which stay the targets).
   */
  afterOpening: Summary;
  perSecond: number;
  /** Answers by status code. */
  status: Record<string, number>;
  /** 503 with Retry-After: the server shed the request on purpose (a full render queue). */
  shed: number;
  /** Time-outs, connection errors and 5xx other than a shed 503. */
  errors: number;
  timeouts: number;
  /** 429: refused by a rate limit (the figure then measures the limit, not the route). */
  limited: number;
}

export interface MixedLoadResult {
  clients: number;
  seconds: number;
  servers: number;
  requests: number;
  perSecond: number;
  errors: number;
  timeouts: number;
  shed: number;
  limited: number;
  routes: Record<RouteName, RouteResult>;
  acknowledgedSaves: number;
  unreadableSaves: number;
}

export const DEFAULT_WEIGHTS: Record<RouteName, number> = { page: 0.5, plan: 0.25, save: 0.2, pdf: 0.05 };

/** The opening: every client connects and sends its first request at once. */
export const OPENING_MS = 5_000;

/** `n` scenarios created through the API of the first server. */
export async function seed(url: string, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = await postJson(`${url}/api/scenarios`, loadInput());
    if (r.status !== 201) throw new Error(`could not create a bench scenario: ${r.status} ${r.body?.toString().slice(0, 200)}`);
    ids.push((JSON.parse(r.body!.toString()) as { id: string }).id);
  }
  return ids;
}

/** Every page once on every server, and a PDF on each: JIT, caches and render threads warm. */
export async function warmUp(urls: string[], ids: string[]): Promise<void> {
  for (const url of urls) {
    for (const id of ids) await timedRequest({ url: `${url}/scenarios/${id}` });
    await timedRequest({ url: `${url}/scenarios/${ids[0]}/report.pdf` });
  }
}

export async function runMixedLoad(options: MixedLoadOptions): Promise<MixedLoadResult> {
  const { urls, clients, seconds, timeoutMs = 30_000 } = options;
  const weights = options.weights ?? DEFAULT_WEIGHTS;
  const ids = options.ids ?? (await seed(urls[0], 50));
  const readable = [...ids];
  const acked: string[] = [];
  const routes = Object.keys(weights) as RouteName[];
  const samples = Object.fromEntries(routes.map((r) => [r, [] as (Timed & { sentAt: number })[]])) as Record<
    RouteName,
    (Timed & { sentAt: number })[]
  >;
  let rr = 0;
  const server = () => urls[rr++ % urls.length];
  // A fixed seed: the same sequence of routes on every run.
  let state = 0x9e3779b9;
  const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const pick = (): RouteName => {
    let x = random();
    for (const r of routes) if ((x -= weights[r]) < 0) return r;
    return routes[0];
  };
  const started = Date.now();
  const end = started + seconds * 1000;
  // TIERWISE_BENCH_TRACE=<file>: every request's start (epoch ms), route, time and status, one JSON line each, to see
  // when the slow ones happened (next to the server's own timings and event-loop delay).
  const trace = process.env.TIERWISE_BENCH_TRACE ? ([] as string[]) : null;
  const client = async (_: unknown, index: number) => {
    const headers: Record<string, string> = options.clientAddresses
      ? { "x-forwarded-for": `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}` }
      : {};
    while (Date.now() < end) {
      const sentAt = Date.now() - started;
      const route = pick();
      const base = server();
      let r: Timed;
      switch (route) {
        case "page":
          r = await timedRequest({ url: `${base}/scenarios/${readable[Math.floor(random() * readable.length)]}`, timeoutMs, headers });
          break;
        case "plan":
          r = await postJson(`${base}/api/plan`, loadInput(), timeoutMs, headers);
          break;
        case "save":
          r = await postJson(`${base}/api/scenarios`, loadInput(), timeoutMs, headers);
          if (r.status === 201) {
            const id = (JSON.parse(r.body!.toString()) as { id: string }).id;
            acked.push(id);
            readable.push(id);
          }
          break;
        case "pdf":
          r = await timedRequest({
            url: `${base}/scenarios/${ids[Math.floor(random() * ids.length)]}/report.pdf?lang=${random() < 0.5 ? "en" : "zh"}`,
            timeoutMs,
            headers,
          });
          break;
      }
      samples[route].push({ ...r, sentAt });
      if (trace)
        trace.push(JSON.stringify({ at: Math.round(Date.now() - r.ms), route, ms: Math.round(r.ms), status: r.status ?? r.error }));
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  const elapsed = (Date.now() - started) / 1000;
  if (trace) appendFileSync(process.env.TIERWISE_BENCH_TRACE!, trace.join("\n") + "\n");

  const result = {} as Record<RouteName, RouteResult>;
  for (const route of routes) {
    const s = samples[route];
    const status: Record<string, number> = {};
    let shed = 0;
    let errors = 0;
    let timeouts = 0;
    let limited = 0;
    for (const r of s) {
      if (r.status === 429) limited++;
      const key = r.error ?? String(r.status);
      status[key] = (status[key] ?? 0) + 1;
      if (r.error === "timeout") timeouts++;
      if (r.status === 503 && r.headers?.["retry-after"]) shed++;
      else if (r.error || (r.status ?? 0) >= 500) errors++;
    }
    const answered = s.filter((r) => !r.error && r.status! < 500);
    result[route] = {
      ...summarise(answered.map((r) => r.ms)),
      afterOpening: summarise(answered.filter((r) => r.sentAt >= OPENING_MS).map((r) => r.ms)),
      perSecond: Math.round((s.length / elapsed) * 10) / 10,
      status,
      shed,
      errors,
      timeouts,
      limited,
    };
  }
  // Every acknowledged save can be read back, from every server.
  let unreadable = 0;
  for (let i = 0; i < acked.length; i++) {
    const r = await timedRequest({ url: `${urls[i % urls.length]}/api/scenarios/${acked[i]}`, timeoutMs: 60_000 });
    if (r.status !== 200) unreadable++;
  }
  const all = Object.values(result);
  const requests = Object.values(samples).reduce((n, s) => n + s.length, 0);
  return {
    clients,
    seconds: Math.round(elapsed * 10) / 10,
    servers: urls.length,
    requests,
    perSecond: Math.round((requests / elapsed) * 10) / 10,
    errors: all.reduce((n, r) => n + r.errors, 0),
    timeouts: all.reduce((n, r) => n + r.timeouts, 0),
    shed: all.reduce((n, r) => n + r.shed, 0),
    limited: all.reduce((n, r) => n + r.limited, 0),
    routes: result,
    acknowledgedSaves: acked.length,
    unreadableSaves: unreadable,
  };
}
