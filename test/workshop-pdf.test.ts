// The workshop portfolio PDF (issue 11 item 6), read back with poppler: page count, both languages, the matrix's labels
// as text, one currency, and no warning from the SVG renderer (a font it cannot open would otherwise fall back).
import { rmSync } from "node:fs";
import { afterAll, describe, expect, it, vi } from "vitest";
import { renderPortfolioPdf } from "~/report/portfolio-pdf.server";
import { buildWorkshopView, readWorkshopParams } from "~/workshop/view";
import { ART_STUDIO_ZH, planFrom, SUPPORT_EN } from "./report-fixtures";
import { pdfFonts, pdfInfo, pdfText, squash, workDir, writePdf } from "./report-poppler";

const dir = workDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const zhPlan = planFrom(ART_STUDIO_ZH);
const enPlan = planFrom(SUPPORT_EN);
const options = [
  { id: "a", title: "画室评语（假设）", tags: [], plan: zhPlan },
  { id: "b", title: "Support tickets", tags: [], plan: enPlan },
  { id: "c", title: "Support tickets (what-if)", tags: [], plan: enPlan },
];

describe("the portfolio PDF", { timeout: 60_000 }, () => {
  for (const locale of ["zh", "en"] as const) {
    it(`holds the order, the budget, the matrix and a card per option (${locale})`, async () => {
      const warn = vi.spyOn(console, "warn");
      const view = buildWorkshopView(options, locale, readWorkshopParams(new URLSearchParams("currency=CNY&budget=500k")));
      const path = writePdf(dir, `portfolio-${locale}.pdf`, await renderPortfolioPdf({ view, preparedAt: "1 Dec 2026, 09:00 (UTC+8)" }));
      expect(warn).not.toHaveBeenCalled();
      warn.mockRestore();
      const pages = Number(pdfInfo(path).Pages);
      expect(pages).toBeGreaterThanOrEqual(3);
      expect(pages).toBeLessThanOrEqual(4);
      const first = squash(pdfText(path, 1, 1));
      const matrix = squash(pdfText(path, 2, 2));
      if (locale === "zh") {
        expect(first).toContain(squash("排序组合"));
        expect(first).toContain(squash("所有金额均为人民币（元）"));
        expect(first).toContain(squash("一次性预算"));
        expect(matrix).toContain(squash("价值 × 可行性"));
        expect(matrix).toContain("速赢");
      } else {
        expect(first).toContain(squash("Ranked portfolio"));
        expect(first).toContain(squash("All money in CN¥ (yuan)"));
        expect(first).toContain(squash("Within CN¥"));
        expect(matrix).toContain(squash("Value × feasibility"));
        expect(matrix).toContain(squash("Quick wins"));
      }
      // The matrix's labels are text: every option, the what-if told apart from its origin.
      for (const title of ["画室评语（假设）", "Support tickets", "(what-if)"]) expect(matrix).toContain(squash(title));
      // No money in the plans' own US$ anywhere: one currency per comparison.
      expect(pdfText(path)).not.toMatch(/US\$/);
      // One embedded font, the report's, for the text and the drawing alike.
      expect(new Set(pdfFonts(path).map((f) => f.name.replace(/^[A-Z]{6}\+/, "")))).toEqual(new Set(["WenQuanYiMicroHei"]));
    });
  }
});
