// One render thread of the pool (render-pool.server.ts): data in, bytes out. It calls the same pure entry points the
// CLI and the tests call (the decision PDF, one chart image), so what a worker renders is byte for byte what they do.
// Nothing here may reach the database, the environment reader or React: a worker sees only the job it is given.
import Piscina from "piscina";
import type { DecisionPlan } from "~/domain/plan-types";
import type { Locale } from "~/domain/scenario";
import { renderChartPng, type ChartImageOptions } from "~/report/chart-images.server";
import type { ChartSpec } from "~/present/charts/spec";
import { renderPlanPdf, type PdfOptions } from "~/report/pdf.server";
import { renderPortfolioPdf, type PortfolioDoc } from "~/report/portfolio-pdf.server";

export type RenderJob =
  | { kind: "pdf"; plan: DecisionPlan; locale: Locale; options?: PdfOptions }
  | { kind: "chart-png"; spec: ChartSpec; options?: ChartImageOptions }
  | { kind: "portfolio-pdf"; doc: PortfolioDoc };

/** Hands the bytes over without copying them (the ArrayBuffer moves to the main thread). */
function transferable(bytes: Buffer): Uint8Array {
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : Buffer.from(bytes);
  return Piscina.move(new Uint8Array(own.buffer, own.byteOffset, own.byteLength)) as Uint8Array;
}

export default async function render(job: RenderJob): Promise<Uint8Array> {
  switch (job.kind) {
    case "pdf":
      return transferable(await renderPlanPdf(job.plan, job.locale, job.options));
    case "chart-png":
      return transferable(renderChartPng(job.spec, job.options));
    case "portfolio-pdf":
      return transferable(await renderPortfolioPdf(job.doc));
  }
}
