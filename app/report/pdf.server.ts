// The decision PDF: the report model laid out with pdfmake 0.3 on the server, charts embedded as PNG images drawn
// from the same chart specs as the web page, the project's own CJK+Latin font embedded (subset).
//
// Safety: pdfmake reads fonts and images from local paths and URLs named in the document definition. Ours names
// the font by a key in pdfmake's in-memory file system and images as data URLs, and the access policies below deny
// every URL and every local path except the project's font file. User text only ever appears as `text`.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import pdfmake from "pdfmake";
import type { Content, ContentTable, TDocumentDefinitions } from "pdfmake/interfaces";
import type { DecisionPlan } from "~/domain/plan-types";
import type { Locale } from "~/domain/scenario";
import { renderChartForPdf, type ChartImageOptions } from "~/report/chart-images.server";
import type { ChartId, ChartSpec } from "~/report/chart-specs";
import { covers, readCoverage, type Coverage } from "~/report/font-coverage.server";
import { leanCollection } from "~/report/font-lean.server";
import { REPORT_FONT_POSTSCRIPT, reportFontPath } from "~/report/fonts.server";
import { fill, REPORT_TEXT, tr } from "~/report/labels";
import { buildReportModel, type Block, type KeyFigure, type ReportModel } from "~/report/report-model";
import type { SparsePlan } from "~/report/sparse-plan";

/** The part of the pdfmake 0.3 server singleton we use (its DefinitelyTyped types lag: no TTC tuple, no virtualfs). */
interface PdfmakeServer {
  virtualfs: { writeFileSync(name: string, data: Buffer): void };
  setFonts(fonts: Record<string, Record<"normal" | "bold" | "italics" | "bolditalics", [string, string]>>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
}
const pdf = pdfmake as unknown as PdfmakeServer;

const FONT_FAMILY = "TierwiseReport";
/** Key of the font in pdfmake's in-memory file system: read once per process, not once per document. */
const VFS_FONT_KEY = "tierwise-report-font.ttc";

const PAGE_MARGINS: [number, number, number, number] = [50, 62, 50, 56];
/** A4 width (595.28 pt) minus the side margins. */
export const CONTENT_WIDTH = 495;
/** Print size of each chart: as tall as its content needs, so that two charts and a table can share a page. */
export function chartSize(id: ChartId, spec: ChartSpec): ChartImageOptions {
  const rows = (spec.config.data.labels ?? []).length;
  switch (id) {
    case "radar":
      return { width: 420, height: 290, scale: 2 };
    case "gantt":
      return { width: CONTENT_WIDTH, height: Math.min(330, 90 + 26 * rows), scale: 2 };
    case "tornado":
      return { width: CONTENT_WIDTH, height: Math.min(330, 100 + 26 * rows), scale: 2 };
    case "cost":
      return { width: CONTENT_WIDTH, height: 220, scale: 2 };
    case "cashflow":
      return { width: CONTENT_WIDTH, height: 235, scale: 2 };
  }
}

/** Stands in for characters the font cannot draw (emoji, scripts it lacks): visible, never an empty box. */
export const MISSING_GLYPH = "?";

const COLORS = { ink: "#1a1a1a", muted: "#5f6368", accent: "#0b3d91", rule: "#c9d1e0", aiFill: "#fff4df", figureFill: "#f1f5fb" };

let initialised = false;
let coverage: Coverage = [];

function init(): void {
  if (initialised) return;
  const fontPath = reportFontPath();
  const font = readFileSync(fontPath);
  coverage = readCoverage(font, REPORT_FONT_POSTSCRIPT);
  // Same glyphs, metrics and cmap without the glyph names pdfkit would decode for every document.
  pdf.virtualfs.writeFileSync(VFS_FONT_KEY, leanCollection(font, REPORT_FONT_POSTSCRIPT));
  // Deny every URL: a report never needs the network, and nothing user-written may make the server fetch.
  pdf.setUrlAccessPolicy(() => false);
  // Only the project's own font may be read from disk (it is served from memory anyway; images are data URLs).
  const allowed = new Set([resolve(fontPath)]);
  pdf.setLocalAccessPolicy((path: string) => allowed.has(resolve(path)));
  initialised = true;
}

/** Replaces what the font cannot draw and drops control characters; keeps newlines and tabs. */
export function pdfSafeText(text: string): string {
  init();
  let out = "";
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (cp === 0x0a || cp === 0x09) out += ch;
    else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) continue;
    // Joiners and variation selectors only shape emoji we cannot draw anyway; bidi controls would need a bidi
    // algorithm the PDF writer does not have, and an override could make text read backwards.
    else if (cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef)) continue;
    else if (cp === 0x200e || cp === 0x200f || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) continue;
    else if (covers(coverage, cp)) out += ch;
    else if (!out.endsWith(MISSING_GLYPH)) out += MISSING_GLYPH;
  }
  return out;
}

/** A text node; a token too long for any column (a URL, a hostile title) may break anywhere instead of overflowing. */
function txt(text: string, style?: Record<string, unknown>): Content {
  const safe = pdfSafeText(text);
  const node: Record<string, unknown> = { text: safe, ...style };
  if (/[^\s]{36,}/u.test(safe)) node.wordBreak = "break-all";
  return node as unknown as Content;
}

export interface PdfOptions {
  /** Skip the chart images (a smaller, faster document); the text alternatives still appear. */
  charts?: boolean;
}

export async function renderPlanPdf(plan: DecisionPlan | SparsePlan, locale: Locale, options: PdfOptions = {}): Promise<Buffer> {
  return renderModelPdf(buildReportModel(plan, locale), options);
}

export async function renderModelPdf(model: ReportModel, options: PdfOptions = {}): Promise<Buffer> {
  init();
  const images = options.charts === false ? {} : await chartImages(model);
  return renderDocument(buildDocDefinition(model, images));
}

/** Any document definition, with the report font and under the access policies. */
export function renderDocument(doc: TDocumentDefinitions): Promise<Buffer> {
  init();
  // Fresh descriptor arrays per document: pdfmake replaces the path inside them with the font bytes as it loads.
  pdf.setFonts({
    [FONT_FAMILY]: {
      normal: [VFS_FONT_KEY, REPORT_FONT_POSTSCRIPT],
      bold: [VFS_FONT_KEY, REPORT_FONT_POSTSCRIPT],
      italics: [VFS_FONT_KEY, REPORT_FONT_POSTSCRIPT],
      bolditalics: [VFS_FONT_KEY, REPORT_FONT_POSTSCRIPT],
    },
  });
  return pdf.createPdf(doc).getBuffer();
}

/** Data URLs of the charts the model shows, keyed as the document definition refers to them. */
export async function chartImages(model: ReportModel): Promise<Record<string, string>> {
  const used = new Set<ChartId>();
  for (const s of model.sections) for (const b of s.blocks) if (b.kind === "chart" && !model.charts[b.chartId].empty) used.add(b.chartId);
  const ids = [...used];
  const jpegs = await Promise.all(ids.map((id) => renderChartForPdf(model.charts[id], chartSize(id, model.charts[id]))));
  return Object.fromEntries(ids.map((id, i) => [imageKey(id), `data:image/jpeg;base64,${jpegs[i].toString("base64")}`]));
}

/** The pdfmake document. `images` holds data URLs only: no key ever names a file or a URL. */
export function buildDocDefinition(model: ReportModel, images: Record<string, string> = {}): TDocumentDefinitions {
  const content: Content[] = [...cover(model)];
  model.sections.forEach((section, i) => {
    content.push({
      ...(txt(section.heading, { style: "h1", headlineLevel: 1, tocItem: true }) as object),
      ...(section.newPage || i === 0 ? { pageBreak: "before" } : {}),
    } as Content);
    for (const block of section.blocks) content.push(renderBlock(block, model, images));
  });

  const titleShort = Array.from(pdfSafeText(model.title)).slice(0, 60).join("") + (Array.from(model.title).length > 60 ? "…" : "");
  const product = tr(REPORT_TEXT.product, model.locale);
  return {
    pageSize: "A4",
    pageMargins: PAGE_MARGINS,
    language: model.lang,
    displayTitle: true,
    info: {
      title: pdfSafeText(model.meta.title),
      subject: model.meta.subject,
      author: model.meta.author,
      keywords: pdfSafeText(model.meta.keywords),
      creator: "Tierwise",
      producer: "Tierwise (pdfmake)",
    },
    defaultStyle: { font: FONT_FAMILY, fontSize: 10, lineHeight: 1.3, color: COLORS.ink },
    styles: {
      h1: { fontSize: 16, color: COLORS.accent, margin: [0, 0, 0, 10] },
      h2: { fontSize: 12, color: COLORS.accent, margin: [0, 10, 0, 5] },
      caption: { fontSize: 8, color: COLORS.muted, margin: [0, 2, 0, 10] },
      th: { fontSize: 8.5, color: COLORS.accent },
      td: { fontSize: 8.5 },
      notice: { fontSize: 9, color: COLORS.muted, margin: [0, 4, 0, 8] },
    },
    header: (currentPage: number) =>
      currentPage === 1
        ? ""
        : {
            margin: [50, 24, 50, 0],
            columns: [
              { ...(txt(titleShort) as object), fontSize: 8, color: COLORS.muted, width: "*" } as unknown as Content,
              { text: product, fontSize: 8, color: COLORS.muted, alignment: "right", width: "auto" },
            ],
          },
    footer: (currentPage: number, pageCount: number) => ({
      margin: [50, 16, 50, 0],
      columns: [
        { text: tr(REPORT_TEXT.docKind, model.locale), fontSize: 8, color: COLORS.muted },
        { text: fill(tr(REPORT_TEXT.page, model.locale), { n: currentPage, total: pageCount }), fontSize: 8, color: COLORS.muted, alignment: "right" },
      ],
    }),
    // A heading never ends a page on its own.
    pageBreakBefore: (node, queries) => Boolean(node.headlineLevel) && queries.getFollowingNodesOnPage().length === 0,
    images,
    content,
  } as TDocumentDefinitions;
}

const imageKey = (id: ChartId) => `chart-${id}`;

function cover(model: ReportModel): Content[] {
  const c = model.cover;
  const zh = model.locale === "zh";
  return [
    { text: c.product, fontSize: 11, color: COLORS.muted, margin: [0, 40, 0, 0] },
    { canvas: [{ type: "line", x1: 0, y1: 6, x2: CONTENT_WIDTH, y2: 6, lineWidth: 1.5, lineColor: COLORS.accent }] },
    { text: c.docKind, fontSize: 14, color: COLORS.accent, margin: [0, 60, 0, 8] },
    // Long titles get a smaller size so the cover stays one page.
    txt(c.title, { fontSize: Array.from(c.title).length > 60 ? 17 : 26, lineHeight: 1.15, margin: [0, 0, 0, 40] }),
    {
      table: {
        widths: ["*", "*", "*"],
        body: [
          [
            coverCell(tr(REPORT_TEXT.verdict, model.locale), c.verdict),
            coverCell(tr(REPORT_TEXT.grade, model.locale), `${c.grade}`, `${tr(REPORT_TEXT.score, model.locale)} ${c.score}/100`),
            coverCell(tr(REPORT_TEXT.primaryTier, model.locale), c.tier),
          ],
        ],
      },
      layout: { fillColor: () => COLORS.figureFill, hLineColor: () => "#ffffff", vLineColor: () => "#ffffff", hLineWidth: () => 3, vLineWidth: () => 3, paddingLeft: () => 10, paddingRight: () => 10, paddingTop: () => 10, paddingBottom: () => 10 },
    },
    {
      text: zh ? "本备忘录回答六个问题：是否靠谱及原因；小团队能做到什么；按三阶划分需要哪些技术；团队；周期、数据量与每月人类反馈；商业模式、成本与回报。每个数字都在附录中注明来源。" : "This memo answers six questions: is it reliable and why; what a small team can achieve; which techniques by tier; the team; the timeline with data volumes and feedback per month; the business model, cost and return. Every figure's source is listed in the appendix.",
      fontSize: 10,
      color: COLORS.muted,
      margin: [0, 40, 0, 0],
    },
    { text: c.versions, fontSize: 8, color: COLORS.muted, margin: [0, 120, 0, 0] },
  ];
}

function coverCell(label: string, value: string, detail?: string): Content {
  return {
    stack: [
      { text: label, fontSize: 8.5, color: COLORS.muted },
      txt(value, { fontSize: 15, color: COLORS.accent, margin: [0, 3, 0, 0] }),
      ...(detail ? [{ text: detail, fontSize: 8.5, color: COLORS.muted }] : []),
    ],
  };
}

function figures(list: KeyFigure[]): Content {
  const cells = list.map((f) => coverCell(f.label, f.value, f.detail));
  const rows: Content[][] = [];
  for (let i = 0; i < cells.length; i += 2) rows.push([cells[i], cells[i + 1] ?? { text: "" }]);
  return {
    table: { widths: ["*", "*"], body: rows, dontBreakRows: true },
    layout: { fillColor: () => COLORS.figureFill, hLineColor: () => "#ffffff", vLineColor: () => "#ffffff", hLineWidth: () => 3, vLineWidth: () => 3, paddingLeft: () => 10, paddingRight: () => 10, paddingTop: () => 7, paddingBottom: () => 7 },
    margin: [0, 0, 0, 12],
  };
}

function renderBlock(block: Block, model: ReportModel, images: Record<string, string>): Content {
  const aiTag = tr(REPORT_TEXT.aiWrittenTag, model.locale);
  switch (block.kind) {
    case "paragraph":
      return block.ai ? aiBox(txt(block.text)) : txt(block.text, { margin: [0, 0, 0, 8] });
    case "notice":
      return txt(block.text, { style: "notice" });
    case "subheading":
      return txt(block.text, { style: "h2", headlineLevel: 2 });
    case "bullets": {
      const list: Content = { ul: block.items.map((item) => txt(block.ai ? `${aiTag}: ${item}` : item)), margin: [0, 0, 0, 8] } as Content;
      return block.ai ? aiBox(list) : list;
    }
    case "figures":
      return figures(block.figures);
    case "chart": {
      const spec = model.charts[block.chartId];
      const key = imageKey(block.chartId);
      const caption = txt(`${tr(REPORT_TEXT.figure, model.locale)}: ${spec.alt}`, { style: "caption" });
      if (!images[key]) return caption;
      const size = chartSize(block.chartId, spec);
      return { stack: [{ image: key, width: size.width, alignment: "center" }, caption], unbreakable: true, margin: [0, 4, 0, 4] } as Content;
    }
    case "table":
      return table(block.columns, block.rows, block.widths);
  }
}

function aiBox(inner: Content): Content {
  return {
    table: { widths: ["*"], body: [[inner]] },
    layout: { fillColor: () => COLORS.aiFill, hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 8, paddingRight: () => 8, paddingTop: () => 5, paddingBottom: () => 5 },
    margin: [0, 0, 0, 8],
  };
}

function table(columns: string[], rows: string[][], widths?: (number | "*" | "auto")[]): ContentTable {
  const w = widths && widths.length === columns.length ? widths : columns.map(() => "*" as const);
  return {
    table: {
      headerRows: 1,
      widths: w,
      body: [columns.map((c) => txt(c, { style: "th" })), ...rows.map((r) => columns.map((_, i) => txt(r[i] ?? "", { style: "td" })))],
    },
    layout: {
      hLineWidth: (i: number) => (i === 1 ? 0.8 : 0.4),
      vLineWidth: () => 0,
      hLineColor: () => COLORS.rule,
      paddingTop: () => 3,
      paddingBottom: () => 3,
    },
    margin: [0, 2, 0, 10],
  };
}
