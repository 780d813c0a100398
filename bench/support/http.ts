// Timed HTTP requests for the load benches: node:http with a keep-alive agent (what a browser or a proxy does), a hard
// timeout per request, and a summary of latencies. Never throws: a failure is a result with `error`.
import http from "node:http";
import { percentile } from "../stats";

export interface Timed {
  status?: number;
  headers?: http.IncomingHttpHeaders;
  body?: Buffer;
  error?: string;
  ms: number;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });

interface RequestOptions {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs?: number;
}

/**
 * One request. A keep-alive socket that the server closed while idle fails the next request sent on it with
 * ECONNRESET before the server saw it (a race on the client side); as Node's documentation advises, and as browsers
 * and proxies do, such a request is sent once more on a fresh socket.
 */
export async function timedRequest(options: RequestOptions): Promise<Timed> {
  const first = await requestOnce(options);
  if (!first.staleSocket) return first.result;
  const again = await requestOnce(options);
  return { ...again.result, ms: again.result.ms + first.result.ms };
}

function requestOnce({
  url,
  method = "GET",
  headers = {},
  body,
  timeoutMs = 30_000,
}: RequestOptions): Promise<{ result: Timed; staleSocket: boolean }> {
  return new Promise((done) => {
    const resolve = (result: Timed, staleSocket = false) => done({ result, staleSocket });
    const t0 = performance.now();
    const u = new URL(url);
    const req = http.request({ hostname: u.hostname, port: u.port, path: u.pathname + u.search, method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks), ms: performance.now() - t0 });
      });
      res.on("error", (e: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        resolve({ error: e.code ?? e.message, ms: performance.now() - t0 });
      });
    });
    const timer = setTimeout(() => req.destroy(new Error("TIMEOUT")), timeoutMs);
    req.on("error", (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      const stale = req.reusedSocket && (e.code === "ECONNRESET" || e.code === "EPIPE");
      resolve({ error: e.message === "TIMEOUT" ? "timeout" : (e.code ?? e.message), ms: performance.now() - t0 }, stale);
    });
    req.end(body);
  });
}

export const postJson = (url: string, value: unknown, timeoutMs?: number, headers: Record<string, string> = {}) =>
  timedRequest({
    url,
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify(value),
    timeoutMs,
  });

export interface Summary {
  n: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export function summarise(values: number[]): Summary {
  if (values.length === 0) return { n: 0, p50: NaN, p90: NaN, p99: NaN, max: NaN };
  const r = (x: number) => Math.round(x * 10) / 10;
  return {
    n: values.length,
    p50: r(percentile(values, 50)),
    p90: r(percentile(values, 90)),
    p99: r(percentile(values, 99)),
    max: r(Math.max(...values)),
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Scenario inputs for load: five kinds of description (zh and en), numbered so no two are the same text. */
const DESCRIPTIONS = [
  (n: number) => `We want to classify ${n} support tickets a day into 12 queues for an internal help desk; agents review every suggestion.`,
  (n: number) => `面向 C 端用户的写作助手，每月 ${n} 名活跃用户，按月订阅收费，生成营销文案。`,
  (n: number) => `A hospital wants an assistant that drafts discharge summaries from ${n} EMR notes; doctors sign every summary.`,
  (n: number) => `Text-to-SQL for ${n} analysts over our sales warehouse, answers checked by the data team on a sample.`,
  (n: number) => `Fine-tune a model on ${n} labelled legal contracts to extract clauses for a toB SaaS sold to law firms.`,
];
let counter = 0;
export function loadInput(): { title: string; description: string; locale: "zh" | "en" } {
  const k = ++counter;
  return { title: `load ${k}`, description: DESCRIPTIONS[k % DESCRIPTIONS.length](1000 + k), locale: k % 3 ? "en" : "zh" };
}
