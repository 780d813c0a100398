// Regenerates the report screenshots in docs/screenshots (not a test): `npx tsx test/report-screenshots.ts`.
// Pages are rendered by poppler from the real PDF, so they show exactly what a reader gets.
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { renderPlanPdf } from "~/report/pdf.server";
import { ART_STUDIO_ZH, planFrom, SUPPORT_EN } from "./report-fixtures";
import { pdfInfo, pdfPages, workDir, writePdf } from "./report-poppler";

const out = join(process.cwd(), "docs/screenshots");
mkdirSync(out, { recursive: true });
const dir = workDir();
const jobs = [
  { name: "report-zh", plan: planFrom(ART_STUDIO_ZH), locale: "zh" as const },
  { name: "report-en", plan: planFrom(SUPPORT_EN), locale: "en" as const },
];
for (const job of jobs) {
  const pdf = writePdf(dir, `${job.name}.pdf`, await renderPlanPdf(job.plan, job.locale));
  const pages = Number(pdfInfo(pdf).Pages);
  const text = (await import("./report-poppler")).pdfText(pdf).split("\f");
  // Page 1 (cover), 2 (executive summary), the page where question 1 (reasons, with the defaults they assumed)
  // starts, the one where question 6 (business case, three charts) starts, and the one with the profile's facts.
  const pageOf = (re: RegExp) => text.findIndex((p) => re.test(p)) + 1;
  const wanted: [number, string][] = [
    [1, "p1"],
    [2, "p2"],
    [pageOf(/1\. Is this a reliable|一、这个场景靠谱吗/), "preasons"],
    [pageOf(/6\. Business model|六、商业模式/), "pfinance"],
    [pageOf(/Facts of the scenario profile|场景画像中的事实/), "pprofile"],
  ];
  for (const [page, suffix] of wanted) {
    if (page < 1) continue;
    const [png] = pdfPages(pdf, join(dir, `${job.name}-${page}`), page, page, 80);
    copyFileSync(png, join(out, `${job.name}-${suffix}.png`));
  }
  console.log(`${job.name}: ${pages} pages`);
}
rmSync(dir, { recursive: true, force: true });
