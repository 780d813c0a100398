// One chart of a saved version as a PNG: what a page shows in place of the canvas when JavaScript is off. Drawn from
// the same spec as the canvas and the PDF, so the three never disagree.
import { CHART_IDS, type ChartId, type ChartSpec } from "~/present/charts/spec";
import { renderChartPngInPool, renderUnavailableResponse } from "~/report/render-pool.server";

/** `cashflow.png` → `cashflow`; anything else is not a chart of a plan. */
export function chartIdOf(file: string | undefined): ChartId | null {
  const m = /^([a-z]+)\.png$/.exec(file ?? "");
  return m && (CHART_IDS as readonly string[]).includes(m[1]) ? (m[1] as ChartId) : null;
}

const SIZE: Record<ChartId, { width: number; height: number }> = {
  radar: { width: 560, height: 320 },
  gantt: { width: 760, height: 320 },
  cost: { width: 760, height: 320 },
  cashflow: { width: 760, height: 380 },
  tornado: { width: 760, height: 320 },
};

/** Drawn by the render pool, off the event loop (ADR 0051); a busy pool answers 503 with Retry-After. */
export async function chartPngResponse(id: ChartId, spec: ChartSpec, signal?: AbortSignal): Promise<Response> {
  let png: Buffer;
  try {
    png = await renderChartPngInPool(spec, { ...SIZE[id], scale: 1.5 }, signal);
  } catch (err) {
    const unavailable = renderUnavailableResponse(err);
    if (unavailable) return unavailable;
    throw err;
  }
  return new Response(new Uint8Array(png), {
    headers: {
      "content-type": "image/png",
      "content-length": String(png.length),
      // A version never changes: the image of (version, language) can be kept; private because it is someone's plan.
      "cache-control": "private, max-age=86400",
      "x-content-type-options": "nosniff",
    },
  });
}
