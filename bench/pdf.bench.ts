// The decision PDF: the standard report (five charts) rendered by pdfmake, beside headless Chromium printing the
// same report model as HTML, and memory over 200 consecutive exports.
import { chromium } from "playwright-core";
import type { BenchRow } from "./run";
import { median, percentile } from "./stats";
import { renderChartForPdf } from "~/report/chart-images.server";
import { CHART_IDS } from "~/report/chart-specs";
import { renderModelHtml } from "~/report/html";
import { renderModelPdf, renderPlanPdf } from "~/report/pdf.server";
import { buildReportModel } from "~/report/report-model";
import { ART_STUDIO_ZH, planFrom } from "../test/report-fixtures";

export const name = "decision PDF (pdfmake, five charts)";

const WARM_UP = 5;
const EXPORTS = 200;
const CHROMIUM_RUNS = 15;
const MB = 1024 * 1024;

export async function run(): Promise<BenchRow[]> {
  const plan = planFrom(ART_STUDIO_ZH);
  const model = buildReportModel(plan, "zh");
  const charts = CHART_IDS.filter((id) => !model.charts[id].empty).length;

  for (let i = 0; i < WARM_UP; i++) await renderPlanPdf(plan, "zh");

  // 200 consecutive exports, each the full path a request takes: model, five charts, layout, font subset.
  const times: number[] = [];
  const rss: number[] = [];
  const heap: number[] = [];
  let bytes = 0;
  for (let i = 0; i < EXPORTS; i++) {
    const t = performance.now();
    const pdf = await renderPlanPdf(plan, "zh");
    times.push(performance.now() - t);
    bytes = pdf.length;
    const m = process.memoryUsage();
    rss.push(m.rss / MB);
    heap.push(m.heapUsed / MB);
  }
  const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const first = (xs: number[]) => avg(xs.slice(0, 50));
  const last = (xs: number[]) => avg(xs.slice(-50));
  const pdfMedian = median(times);

  // Chromium prints the same report model as HTML (page.setContent, then page.pdf). The web app server is not
  // started by the bench; the chart images are drawn once beforehand and inlined, so Chromium only lays out and prints.
  const images = Object.fromEntries(
    await Promise.all(CHART_IDS.map(async (id) => [id, `data:image/jpeg;base64,${(await renderChartForPdf(model.charts[id])).toString("base64")}`] as const)),
  );
  const html = renderModelHtml(model, images);
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"] });
  const chromiumTimes: number[] = [];
  try {
    const page = await browser.newPage();
    for (let i = 0; i < WARM_UP + CHROMIUM_RUNS; i++) {
      const t = performance.now();
      await page.setContent(html, { waitUntil: "load" });
      await page.pdf({ format: "A4", printBackground: true });
      if (i >= WARM_UP) chromiumTimes.push(performance.now() - t);
    }
  } finally {
    await browser.close();
  }
  const chromiumMedian = median(chromiumTimes);

  // Without charts: how much of the time is layout and font subsetting.
  const noCharts: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    await renderModelPdf(model, { charts: false });
    noCharts.push(performance.now() - t);
  }

  const rssGrowth = (last(rss) - first(rss)) / first(rss);
  const heapGrowth = (last(heap) - first(heap)) / first(heap);
  return [
    { metric: `PDF export, median after ${WARM_UP} warm-up (${charts} charts)`, value: pdfMedian, unit: "ms", target: "≤ 400", ok: pdfMedian <= 400, note: `${EXPORTS} exports, p90 ${percentile(times, 90).toFixed(0)} ms, ${Math.round(bytes / 1024)} KB` },
    { metric: "PDF export without charts, median", value: median(noCharts), unit: "ms" },
    { metric: "headless Chromium print of the same report (HTML), median", value: chromiumMedian, unit: "ms", note: `setContent + page.pdf, ${CHROMIUM_RUNS} runs; charts pre-drawn` },
    { metric: "Chromium time / pdfmake time", value: chromiumMedian / pdfMedian, unit: "×" },
    { metric: "RSS, mean of exports 1–50", value: first(rss), unit: "MB" },
    { metric: "RSS, mean of exports 151–200", value: last(rss), unit: "MB", target: "≤ +15% (flat)", ok: rssGrowth <= 0.15, note: `${(rssGrowth * 100).toFixed(1)}%` },
    { metric: "heap used, mean of exports 1–50", value: first(heap), unit: "MB" },
    { metric: "heap used, mean of exports 151–200", value: last(heap), unit: "MB", target: "≤ +15% (flat)", ok: heapGrowth <= 0.15, note: `${(heapGrowth * 100).toFixed(1)}%` },
  ];
}
