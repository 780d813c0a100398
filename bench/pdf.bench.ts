// The decision PDF: the standard report (the brief and the appendix, five charts) rendered by pdfmake, beside headless
// Chromium printing the plan page of the built app, and memory over 200 consecutive exports.
import { existsSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import { chromium } from "playwright-core";
import type { BenchRow } from "./run";
import { median, percentile } from "./stats";
import { CHART_IDS } from "~/present/charts/spec";
import { buildPlanView } from "~/present/view-model/plan-view";
import type { DecisionPlan } from "~/domain/plan-types";
import type { Locale } from "~/domain/scenario";
import { withoutPdfEngineTuning } from "~/report/pdf-engine.server";
import { renderPlanPdf, renderViewPdf } from "~/report/pdf.server";
import { ART_STUDIO_ZH, DISPATCH_EN, planFrom } from "../test/report-fixtures";
import { startBuiltServer } from "../test/support/built-server";

export const name = "decision PDF (pdfmake, five charts)";

const WARM_UP = 5;
const EXPORTS = 200;
const CHROMIUM_RUNS = 15;
/** Pairs of exports (libraries unchanged, then tuned) per language for the engine comparison (ADR 0054). */
const ENGINE_PAIRS = 15;
const MB = 1024 * 1024;

/**
 * CPU per export with pdfmake and pdfkit as published and with this project's speed-ups (ADR 0054), alternating so
 * that both see the same machine load. Process CPU: the main thread, the JPEG encoder threads and the GC's helpers.
 */
async function engineComparison(plan: DecisionPlan, locale: Locale): Promise<{ plain: number; tuned: number }> {
  const cpuOf = async (render: () => Promise<Buffer>) => {
    const before = process.cpuUsage();
    await render();
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1000;
  };
  const plain: number[] = [];
  const tuned: number[] = [];
  for (let i = 0; i < ENGINE_PAIRS; i++) {
    plain.push(await cpuOf(() => withoutPdfEngineTuning(() => renderPlanPdf(plan, locale))));
    tuned.push(await cpuOf(() => renderPlanPdf(plan, locale)));
  }
  return { plain: median(plain), tuned: median(tuned) };
}

// A full collection on demand, without starting node with --expose-gc.
v8.setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

export async function run(): Promise<BenchRow[]> {
  const plan = planFrom(ART_STUDIO_ZH);
  const view = buildPlanView(plan, { locale: "zh" });
  const charts = CHART_IDS.filter((id) => !view.charts[id].empty).length;

  for (let i = 0; i < WARM_UP; i++) await renderPlanPdf(plan, "zh");

  // 200 consecutive exports, each the full path a request takes: model, five charts, layout, font subset.
  const times: number[] = [];
  const rss: number[] = [];
  const heap: number[] = [];
  const cpu: number[] = [];
  const loadBefore = loadavg()[0];
  let bytes = 0;
  for (let i = 0; i < EXPORTS; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    const pdf = await renderPlanPdf(plan, "zh");
    times.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
    bytes = pdf.length;
    // Memory is sampled every 10th export after a full collection, outside the timed region, so the samples show
    // what stays alive rather than where the collector happened to be.
    if ((i + 1) % 10 === 0) {
      gc();
      const m = process.memoryUsage();
      rss.push(m.rss / MB);
      heap.push(m.heapUsed / MB);
    }
  }
  const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  // Samples 1–5 cover exports 1–50; samples 16–20 cover exports 151–200.
  const first = (xs: number[]) => avg(xs.slice(0, 5));
  const last = (xs: number[]) => avg(xs.slice(-5));
  const pdfMedian = median(times);

  // Chromium, in the same run: the plan page of the built web app (page.goto + page.pdf) when a build exists.
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"],
  });
  const pageTimes: number[] = [];
  let pageNote = "no build/: run npm run build to time the plan page";
  try {
    const page = await browser.newPage();
    if (existsSync("build/server/index.js")) {
      const server = await startBuiltServer();
      try {
        const res = await fetch(`${server.url}/api/scenarios`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(ART_STUDIO_ZH),
        });
        const { url } = (await res.json()) as { url: string };
        for (let i = 0; i < WARM_UP + CHROMIUM_RUNS; i++) {
          const t = performance.now();
          await page.goto(`${server.url}${url}`, { waitUntil: "load" });
          // The charts are drawn by chart.js after hydration: print them, not empty frames.
          await page.waitForSelector("canvas", { timeout: 10_000 });
          await page.pdf({ format: "A4", printBackground: true });
          if (i >= WARM_UP) pageTimes.push(performance.now() - t);
        }
        pageNote = `built server, goto (load, charts drawn) + page.pdf, ${CHROMIUM_RUNS} runs`;
      } finally {
        await server.stop();
      }
    }
  } finally {
    await browser.close();
  }
  const pageMedian = pageTimes.length ? median(pageTimes) : null;

  // Without charts: how much of the time is layout and font subsetting.
  const noCharts: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    await renderViewPdf(view, { charts: false });
    noCharts.push(performance.now() - t);
  }

  const engine: [string, Awaited<ReturnType<typeof engineComparison>>][] = [];
  for (const [label, p, locale] of [
    ["zh", plan, "zh"],
    ["en", planFrom(DISPATCH_EN), "en"],
  ] as const) {
    await withoutPdfEngineTuning(() => renderPlanPdf(p, locale));
    engine.push([label, await engineComparison(p, locale)]);
  }

  const cpuMedian = median(cpu);
  const rssGrowth = (last(rss) - first(rss)) / first(rss);
  const heapGrowth = (last(heap) - first(heap)) / first(heap);
  return [
    {
      metric: `PDF export, median after ${WARM_UP} warm-up (${charts} charts)`,
      value: pdfMedian,
      unit: "ms",
      target: "≤ 400",
      ok: pdfMedian <= 400,
      note: `${EXPORTS} exports, p90 ${percentile(times, 90).toFixed(0)} ms, ${Math.round(bytes / 1024)} KB, load average ${loadBefore.toFixed(1)} on ${cpus().length} cores`,
    },
    {
      metric: "PDF export, median CPU time (main thread + encoder threads)",
      value: cpuMedian,
      unit: "ms",
      note: "less sensitive than wall time to a busy machine",
    },
    { metric: "PDF export without charts, median", value: median(noCharts), unit: "ms" },
    ...engine.flatMap(([label, { plain, tuned }]) => [
      {
        metric: `PDF export CPU (${label}), pdfmake/pdfkit unchanged, median`,
        value: plain,
        unit: "ms",
        note: `${ENGINE_PAIRS} exports alternating with the tuned ones`,
      },
      {
        metric: `PDF export CPU (${label}), tuned (ADR 0054), median`,
        value: tuned,
        unit: "ms",
        target: "≤ 50% of unchanged",
        ok: tuned <= plain / 2,
        note: `${((100 * tuned) / plain).toFixed(0)}% of unchanged; the same bytes`,
      },
    ]),
    ...(pageMedian !== null
      ? [
          { metric: "headless Chromium print of the plan page, median", value: pageMedian, unit: "ms", note: pageNote },
          { metric: "Chromium time / pdfmake time (plan page)", value: pageMedian / pdfMedian, unit: "×" },
        ]
      : [{ metric: "headless Chromium print of the plan page", value: Number.NaN, unit: "ms", note: pageNote }]),
    { metric: "RSS after GC, mean of exports 1–50", value: first(rss), unit: "MB" },
    {
      metric: "RSS after GC, mean of exports 151–200",
      value: last(rss),
      unit: "MB",
      target: "≤ +15% (flat)",
      ok: rssGrowth <= 0.15,
      note: `${(rssGrowth * 100).toFixed(1)}%`,
    },
    { metric: "heap used after GC, mean of exports 1–50", value: first(heap), unit: "MB" },
    {
      metric: "heap used after GC, mean of exports 151–200",
      value: last(heap),
      unit: "MB",
      target: "≤ +15% (flat)",
      ok: heapGrowth <= 0.15,
      note: `${(heapGrowth * 100).toFixed(1)}%`,
    },
  ];
}
