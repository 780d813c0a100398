// Does a PDF export stall everyone else? The plan page's latency, measured by one sequential reader, while the same
// server is idle and while four clients download decision PDFs in a loop (issue 13: within 3× of idle).
// Two kinds of page view: "cached" (a page already rendered once, served from the render cache) and "fresh" (a unique
// query string forces the server to render the page, what the first reader of a new version gets).
// TIERWISE_BENCH_APP_DIR=<another checkout with a build> measures that checkout instead (the "before" figure).
import type { BenchRow } from "./run";
import { loadInput, postJson, sleep, summarise, timedRequest } from "./support/http";
import { buildApp, startBuiltServer } from "../test/support/built-server";

export const name = "render stall (plan page while PDFs render)";

const PDF_CLIENTS = 4;
const PHASE_S = Number(process.env.TIERWISE_BENCH_STALL_SECONDS ?? 20);
const SCENARIOS = 20;
const RATIO_TARGET = 3;

async function phase(base: string, ids: string[], pdfClients: number, fresh: boolean) {
  const end = Date.now() + PHASE_S * 1000;
  const page: number[] = [];
  const pdf: number[] = [];
  let pageErrors = 0;
  let pdfErrors = 0;
  let n = 0;
  const pdfLoop = async (c: number) => {
    let i = c;
    while (Date.now() < end) {
      const r = await timedRequest({ url: `${base}/scenarios/${ids[i++ % ids.length]}/report.pdf?lang=${i % 2 ? "en" : "zh"}` });
      if (r.status === 200) pdf.push(r.ms);
      else pdfErrors++;
    }
  };
  const prober = async () => {
    await sleep(300);
    while (Date.now() < end) {
      const id = ids[n++ % ids.length];
      const r = await timedRequest({ url: `${base}/scenarios/${id}${fresh ? `?fresh=${n}` : ""}` });
      if (r.status === 200) page.push(r.ms);
      else pageErrors++;
      await sleep(50);
    }
  };
  const t0 = Date.now();
  await Promise.all([prober(), ...Array.from({ length: pdfClients }, (_, c) => pdfLoop(c))]);
  return { page: summarise(page), pageErrors, pdf: summarise(pdf), pdfErrors, pdfPerSecond: pdf.length / ((Date.now() - t0) / 1000) };
}

export async function run(): Promise<BenchRow[]> {
  const root = process.env.TIERWISE_BENCH_APP_DIR;
  if (!root && process.env.TIERWISE_BENCH_SKIP_BUILD !== "1") buildApp();
  const server = await startBuiltServer(root ? { root } : {});
  try {
    const ids: string[] = [];
    for (let i = 0; i < SCENARIOS; i++) {
      const r = await postJson(`${server.url}/api/scenarios`, loadInput());
      if (r.status !== 201) throw new Error(`could not create a bench scenario: ${r.status} ${r.body?.toString()}`);
      ids.push((JSON.parse(r.body!.toString()) as { id: string }).id);
    }
    for (const id of ids) await timedRequest({ url: `${server.url}/scenarios/${id}` });
    for (const id of ids.slice(0, 4)) await timedRequest({ url: `${server.url}/scenarios/${id}/report.pdf` });

    const rows: BenchRow[] = [];
    for (const fresh of [false, true]) {
      const kind = fresh ? "fresh" : "cached";
      const idle = await phase(server.url, ids, 0, fresh);
      const busy = await phase(server.url, ids, PDF_CLIENTS, fresh);
      const ratio = busy.page.p50 / idle.page.p50;
      console.log(JSON.stringify({ kind, idle, busy }));
      rows.push(
        { metric: `plan page (${kind}) p50, idle`, value: idle.page.p50, unit: "ms", note: `p99 ${idle.page.p99} ms, n ${idle.page.n}` },
        {
          metric: `plan page (${kind}) p50, ${PDF_CLIENTS} PDF exports running`,
          value: busy.page.p50,
          unit: "ms",
          note: `p99 ${busy.page.p99} ms, n ${busy.page.n}, errors ${busy.pageErrors}`,
        },
        {
          metric: `plan page (${kind}) p50 ratio busy / idle`,
          value: Math.round(ratio * 100) / 100,
          unit: "×",
          target: `≤ ${RATIO_TARGET}`,
          ok: ratio <= RATIO_TARGET,
        },
        {
          metric: `PDF exports during the ${kind} run`,
          value: Math.round(busy.pdfPerSecond * 100) / 100,
          unit: "/s",
          note: `p50 ${busy.pdf.p50} ms, p99 ${busy.pdf.p99} ms, non-200 ${busy.pdfErrors}`,
        },
      );
    }
    return rows;
  } finally {
    await server.stop();
  }
}
