// The PDF engine's speed-ups (ADR 0054) change no byte: every document rendered with them equals the same document
// rendered by pdfmake and pdfkit unchanged, in both languages, when page 1 of the brief has room for its second half
// and when it runs over, and after other documents have used the shared font (including the glyphs that several
// code points share).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DecisionPlan } from "~/domain/plan-types";
import type { Locale } from "~/domain/scenario";
import { pdfEngineTuned, withoutPdfEngineTuning } from "~/report/pdf-engine.server";
import { renderPlanPdf, type PdfOptions } from "~/report/pdf.server";
import { renderPortfolioPdf } from "~/report/portfolio-pdf.server";
import { buildWorkshopView, readWorkshopParams } from "~/workshop/view";
import { ART_STUDIO_ZH, DISPATCH_EN, planFrom, SUPPORT_EN } from "./report-fixtures";

const SAVED = { number: 3, savedAt: "2026-11-30T13:05:00Z" };

// pdfkit stamps the creation time (and an ID derived from it) into every document: one fixed clock for both renders.
beforeAll(() => {
  vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-12-01T09:00:00Z") });
});
afterAll(() => {
  vi.useRealTimers();
});

async function both(plan: DecisionPlan, locale: Locale, options: PdfOptions = {}): Promise<[Buffer, Buffer]> {
  const plain = await withoutPdfEngineTuning(() => renderPlanPdf(plan, locale, { version: SAVED, ...options }));
  const tuned = await renderPlanPdf(plan, locale, { version: SAVED, ...options });
  return [plain, tuned];
}

function expectSameBytes([plain, tuned]: [Buffer, Buffer]): void {
  expect(tuned.length).toBe(plain.length);
  // Not toEqual on 400 KB: on a difference, say where.
  const at = plain.findIndex((b, i) => b !== tuned[i]);
  expect(at === -1 ? "identical" : `first difference at byte ${at}: ${JSON.stringify(plain.toString("latin1", at - 40, at + 40))}`).toBe(
    "identical",
  );
}

describe("PDF engine speed-ups", () => {
  it("are active for the pinned pdfmake, pdfkit and fontkit versions", async () => {
    await renderPlanPdf(planFrom(SUPPORT_EN), "en", { charts: false });
    expect(pdfEngineTuned()).toBe(true);
    expect(await withoutPdfEngineTuning(async () => pdfEngineTuned())).toBe(false);
  });

  it.each([
    ["art studio", "zh", ART_STUDIO_ZH],
    ["dispatch", "en", DISPATCH_EN],
    ["dispatch", "zh", DISPATCH_EN],
    ["support", "en", SUPPORT_EN],
  ] as const)("%s in %s: the same bytes", async (_name, locale, raw) => {
    expectSameBytes(await both(planFrom(raw), locale));
  });

  it("the same bytes when page 1 runs over and the brief's second half starts on page 2 by itself", async () => {
    // A title far longer than the form allows (a plan edited elsewhere) pushes the brief past page 1.
    const long = { ...planFrom(ART_STUDIO_ZH), title: "画室评语小工具".repeat(80) };
    expectSameBytes(await both(long, "zh"));
    expectSameBytes(await both(long, "zh", { charts: false }));
  });

  it("the same bytes for glyphs that two code points share, whichever the documents before used", async () => {
    // WenQuanYi draws U+4E0D 不 and the compatibility ideograph U+F967 不 with one glyph; the ToUnicode map of a
    // document must name the code point that document used first.
    const unified = planFrom({ ...ART_STUDIO_ZH, title: "不\u4e0d 画室评语 \uf967" });
    const compat = planFrom({ ...ART_STUDIO_ZH, title: "\uf967 画室评语 \u4e0d" });
    for (const plan of [compat, unified, compat]) expectSameBytes(await both(plan, "zh", { charts: false }));
  });

  it("the same bytes for the workshop portfolio (its matrix drawing names the font in SVG)", async () => {
    const options = [
      { id: "a", title: "画室评语（假设）", tags: [], plan: planFrom(ART_STUDIO_ZH) },
      { id: "b", title: "Support tickets", tags: [], plan: planFrom(SUPPORT_EN) },
    ];
    for (const locale of ["zh", "en"] as const) {
      const view = buildWorkshopView(options, locale, readWorkshopParams(new URLSearchParams("currency=CNY&budget=500k")));
      const doc = { view, preparedAt: "1 Dec 2026, 09:00 (UTC+8)" };
      expectSameBytes([await withoutPdfEngineTuning(() => renderPortfolioPdf(doc)), await renderPortfolioPdf(doc)]);
    }
  });
});
