// `tierwise plan --format pdf --out FILE`: one PDF per scenario. A batch of several scenarios (a workshop) writes
// FILE-1.pdf, FILE-2.pdf… in input order, so each file can be matched to its scenario.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, extname, resolve } from "node:path";
import type { DecisionPlan } from "~/domain/plan-types";
import type { Locale } from "~/domain/scenario";
import { renderPlanPdf } from "~/report/pdf.server";

export function pdfPaths(out: string, count: number): string[] {
  if (count <= 1) return [out];
  const ext = extname(out);
  const stem = ext.toLowerCase() === ".pdf" ? out.slice(0, -ext.length) : out;
  return Array.from({ length: count }, (_, i) => `${stem}-${i + 1}.pdf`);
}

/** Renders each plan in `locale`, or in the plan's own language when absent; returns the paths written. */
export async function writePlanPdfs(plans: DecisionPlan[], out: string, locale?: Locale): Promise<string[]> {
  const paths = pdfPaths(out, plans.length);
  await mkdir(dirname(resolve(out)), { recursive: true });
  for (let i = 0; i < plans.length; i++) {
    const pdf = await renderPlanPdf(plans[i], locale ?? plans[i].locale);
    await writeFile(paths[i], pdf);
  }
  return paths;
}
