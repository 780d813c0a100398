// The built server under load: the plan page rendered on the server at 16 concurrent connections, and the size of
// the JavaScript the plan page makes the browser download (gzipped, as served).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { buildApp, startBuiltServer } from "../test/support/built-server";
import type { BenchRow } from "./run";

export const name = "http (built server)";

const CONNECTIONS = 16;
const DURATION_S = 10;
const LATENCY_TARGET_MS = 50;
const JS_TARGET_KB = 250;

/** A representative scenario: the first knowledge-base template, in English. */
async function representativeInput(): Promise<unknown> {
  const { TEMPLATES } = await import("../app/domain/kb/templates");
  return TEMPLATES[0].input.en;
}

/** Every script the page loads: module preloads and the imports of the inline bootstrap, deduplicated. */
export function scriptUrls(html: string): string[] {
  const urls = new Set<string>();
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)) urls.add(m[1]);
  for (const m of html.matchAll(/(?:import|from)\s*\(?\s*"(\/assets\/[^"]+\.js)"/g)) urls.add(m[1]);
  for (const m of html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)) urls.add(m[1]);
  return [...urls];
}

export async function run(): Promise<BenchRow[]> {
  if (process.env.TIERWISE_BENCH_SKIP_BUILD !== "1") buildApp();
  const server = await startBuiltServer();
  try {
    const created = await fetch(`${server.url}/api/scenarios`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(await representativeInput()),
    });
    if (created.status !== 201) throw new Error(`could not create the bench scenario: ${created.status} ${await created.text()}`);
    const { url } = (await created.json()) as { url: string };
    const page = `${server.url}${url}`;
    const html = await (await fetch(page)).text();

    // Warm-up: JIT, SQLite page cache, module loading.
    await autocannon({ url: page, connections: 4, amount: 200 });
    const result = await autocannon({ url: page, connections: CONNECTIONS, duration: DURATION_S });
    const errors = result.errors + result.timeouts + result.non2xx;

    const scripts = scriptUrls(html);
    const clientDir = join(server.dir, "app/build/client");
    let gzBytes = 0;
    let rawBytes = 0;
    for (const src of scripts) {
      const body = readFileSync(join(clientDir, src));
      rawBytes += body.length;
      gzBytes += gzipSync(body, { level: 9 }).length;
    }
    return [
      {
        metric: `GET /scenarios/:id median latency (${CONNECTIONS} connections, ${DURATION_S} s)`,
        value: result.latency.p50,
        unit: "ms",
        target: `≤ ${LATENCY_TARGET_MS}`,
        ok: result.latency.p50 <= LATENCY_TARGET_MS,
      },
      { metric: "GET /scenarios/:id p99 latency", value: result.latency.p99, unit: "ms" },
      { metric: "GET /scenarios/:id throughput", value: Math.round(result.requests.average), unit: "req/s" },
      {
        metric: "GET /scenarios/:id errors (errors + timeouts + non-2xx)",
        value: errors,
        unit: "",
        target: "= 0",
        ok: errors === 0,
        note: `${result.requests.total} requests`,
      },
      { metric: "plan page HTML size", value: Math.round(html.length / 1024), unit: "KB" },
      {
        metric: `plan page JavaScript, gzipped (${scripts.length} files)`,
        value: Math.round((gzBytes / 1024) * 10) / 10,
        unit: "KB",
        target: `≤ ${JS_TARGET_KB}`,
        ok: gzBytes / 1024 <= JS_TARGET_KB,
        note: `${Math.round(rawBytes / 1024)} KB before gzip`,
      },
    ];
  } finally {
    await server.stop();
  }
}
