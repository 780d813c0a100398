// Regenerates the report screenshots in docs/screenshots (not a test): `npx tsx test/report-screenshots.ts`.
// Pages are rendered by poppler from the real PDF, so they show exactly what a reader gets.
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { translator } from "~/i18n/translate";
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
  const t = translator(job.locale);
  const pdf = writePdf(
    dir,
    `${job.name}.pdf`,
    await renderPlanPdf(job.plan, job.locale, {
      version: { number: 2, savedAt: "2026-11-30T13:05:00Z" },
      timeZone: job.locale === "zh" ? "Asia/Shanghai" : "Europe/London",
    }),
  );
  const pages = Number(pdfInfo(pdf).Pages);
  const text = (await import("./report-poppler")).pdfText(pdf).split("\f");
  // Pages 1 and 2 (the brief), the page where question 1 (reasons, with the defaults they assumed) starts, the one
  // where question 6 (the money, three charts) starts, and the one with the profile's facts.
  const squash = (x: string) => x.replace(/\s+/g, "");
  const pageOf = (heading: string) => text.findIndex((p) => squash(p).includes(squash(heading))) + 1;
  const wanted: [number, string][] = [
    [1, "p1"],
    [2, "p2"],
    [pageOf(t("plan.q1")), "preasons"],
    [pageOf(t("plan.q6")), "pfinance"],
    [pageOf(t("plan.profile")), "pprofile"],
  ];
  for (const [page, suffix] of wanted) {
    if (page < 1) continue;
    const [png] = pdfPages(pdf, join(dir, `${job.name}-${page}`), page, page, 80);
    copyFileSync(png, join(out, `${job.name}-${suffix}.png`));
  }
  console.log(`${job.name}: ${pages} pages`);
}
rmSync(dir, { recursive: true, force: true });
