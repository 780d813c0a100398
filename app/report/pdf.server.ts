// The decision PDF: the plan's one view model laid out with pdfmake 0.3 on the server. Pages 1–2 are the executive
// brief (the decision, the ask, the money with ranges, risks, what must be true, the next step); the rest is the
// appendix. Every page carries the version and the date. Charts are images drawn on the server from the same specs
// as the web page; the project's own CJK+Latin font is embedded (subset).
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
import { translator, type Translate } from "~/i18n/translate";
import type { ChartId, ChartSpec } from "~/present/charts/spec";
import { buildPlanView, type PlanViewOptions } from "~/present/view-model/plan-view";
import { sourceLine } from "~/present/view-model/sources";
import type { Block, Brief, Cell, KeyFigure, PlanView } from "~/present/view-model/types";
import { renderChartForPdf, type ChartImageOptions } from "~/report/chart-images.server";
import { covers, readCoverage, type Coverage } from "~/report/font-coverage.server";
import { leanCollection } from "~/report/font-lean.server";
import { pdfEngineTuned, tunePdfEngine } from "~/report/pdf-engine.server";
import { REPORT_FONT_POSTSCRIPT, reportFontPath } from "~/report/fonts.server";

/** The part of the pdfmake 0.3 server singleton we use (its DefinitelyTyped types lag: no TTC tuple, no virtualfs). */
interface PdfmakeServer {
  virtualfs: { writeFileSync(name: string, data: Buffer): void };
  setFonts(fonts: Record<string, Record<"normal" | "bold" | "italics" | "bolditalics", [string, string] | string>>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
}
const pdf = pdfmake as unknown as PdfmakeServer;

/** The report font's family name in document definitions (the workshop portfolio PDF uses it too). */
export const FONT_FAMILY = "TierwiseReport";
/**
 * The same font for text inside SVG drawings (the workshop matrix): pdfmake's SVG renderer asks for a font by family
 * and hands pdfkit whatever the family's entry is, so this entry is the name pdfkit already knows the loaded font by.
 */
export const SVG_FONT_FAMILY = "TierwiseReportSvg";
/** Key of the font in pdfmake's in-memory file system: read once per process, not once per document. */
const VFS_FONT_KEY = "tierwise-report-font.ttc";

const PAGE_MARGINS: [number, number, number, number] = [50, 62, 50, 56];
/** A4 width (595.28 pt) minus the side margins. */
export const CONTENT_WIDTH = 495;
/** Print size of each chart: as tall as its content needs, so that two charts and a table can share a page. */
export function chartSize(id: ChartId, spec: ChartSpec, inBrief = false): ChartImageOptions {
  const rows = (spec.config.data.labels ?? []).length;
  if (inBrief) return { width: CONTENT_WIDTH, height: 250, scale: 2 };
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

export const COLORS = { ink: "#1a1a1a", muted: "#5f6368", accent: "#0b3d91", rule: "#c9d1e0", aiFill: "#fff4df", figureFill: "#f1f5fb" };

/**
 * The page every Tierwise PDF shares (the decision report and the workshop portfolio): A4, the report font, a running
 * header saying what the document is and when it was made, and a footer with its kind and "page n of N".
 */
export function tierwisePage(page: {
  margins: [number, number, number, number];
  lang: string;
  info: NonNullable<TDocumentDefinitions["info"]>;
  header: [Content, Content];
  footer: string;
  t: Translate;
}): Pick<TDocumentDefinitions, "pageSize" | "pageMargins" | "language" | "displayTitle" | "info" | "defaultStyle" | "header" | "footer"> {
  const muted = { fontSize: 8, color: COLORS.muted };
  return {
    pageSize: "A4",
    pageMargins: page.margins,
    language: page.lang,
    displayTitle: true,
    info: { ...page.info, creator: "Tierwise", producer: "Tierwise (pdfmake)" },
    defaultStyle: { font: FONT_FAMILY, fontSize: 10, lineHeight: 1.3, color: COLORS.ink },
    header: () => ({
      margin: [50, 22, 50, 0],
      columns: [
        { ...(page.header[0] as object), ...muted, width: "*" } as unknown as Content,
        { ...(page.header[1] as object), ...muted, alignment: "right", width: "auto" } as unknown as Content,
      ],
    }),
    footer: (currentPage: number, pageCount: number) => ({
      margin: [50, 16, 50, 0],
      columns: [
        { text: page.footer, ...muted },
        { text: page.t("report.page", { n: currentPage, total: pageCount }), ...muted, alignment: "right" },
      ],
    }),
  };
}

let initialised = false;
let coverage: Coverage = [];

function init(): void {
  if (initialised) return;
  const fontPath = reportFontPath();
  const font = readFileSync(fontPath);
  coverage = readCoverage(font, REPORT_FONT_POSTSCRIPT);
  // Same glyphs, metrics and cmap without the glyph names pdfkit would decode for every document.
  const lean = leanCollection(font, REPORT_FONT_POSTSCRIPT);
  pdf.virtualfs.writeFileSync(VFS_FONT_KEY, lean);
  // Parsed once per thread and shared by every document, with pdfmake's style lookups made allocation-free (ADR 0054).
  tunePdfEngine(lean);
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
export function txt(text: string, style?: Record<string, unknown>): Content {
  const safe = pdfSafeText(text);
  const node: Record<string, unknown> = { text: safe, ...style };
  if (/[^\s]{36,}/u.test(safe)) node.wordBreak = "break-all";
  return node as unknown as Content;
}

export interface PdfOptions extends Omit<PlanViewOptions, "locale" | "audience"> {
  /** Skip the chart images (a smaller, faster document); the text alternatives still appear. */
  charts?: boolean;
}

/** The decision PDF of a plan: pure data in, bytes out (it can run in a worker). */
export async function renderPlanPdf(plan: DecisionPlan, locale: Locale, options: PdfOptions = {}): Promise<Buffer> {
  const { charts, ...view } = options;
  return renderViewPdf(buildPlanView(plan, { ...view, locale, audience: "reader" }), { charts });
}

export async function renderViewPdf(view: PlanView, options: Pick<PdfOptions, "charts"> = {}): Promise<Buffer> {
  init();
  const images = options.charts === false ? {} : await chartImages(view);
  const doc = buildDocDefinition(view, images);
  if (pdfEngineTuned()) await placeBriefPage2(view, doc);
  return renderDocument(doc);
}

const STOP_PROBE = Symbol("brief page 2 placed");

/**
 * Decides before the layout whether the brief's second half opens page 2 (ADR 0054). Left to `pageBreakBefore`,
 * pdfmake lays the whole document out, finds that page 1 had room for it, and lays the whole document out again with
 * the break: two full layouts for every export. The same question asked of the brief's first pages alone (laid out
 * exactly as they are at the top of the document; no chart or heading comes before the second half) costs a
 * fraction of one; the document is then laid out once with the break already in place: the same pages.
 */
async function placeBriefPage2(view: PlanView, doc: TDocumentDefinitions): Promise<void> {
  const content = doc.content as Content[];
  const at = content.findIndex((node) => (node as { id?: string }).id === BRIEF_PAGE_2);
  if (at < 0) return;
  // Fresh nodes: pdfmake writes its measurements and positions into the nodes it lays out.
  const probe = buildDocDefinition(view);
  probe.content = (probe.content as Content[]).slice(0, at + 1);
  const rule = probe.pageBreakBefore as NonNullable<TDocumentDefinitions["pageBreakBefore"]>;
  let decided: boolean | undefined;
  probe.pageBreakBefore = (node, queries) => {
    if (node.id === BRIEF_PAGE_2) decided = rule(node, queries);
    else if (!rule(node, queries)) return false;
    // The answer is known (or an earlier node breaks first and the full layout must decide): stop before rendering.
    throw STOP_PROBE;
  };
  try {
    await renderDocument(probe);
  } catch (error) {
    if (error !== STOP_PROBE) throw error;
  }
  if (decided) content[at] = { ...(content[at] as object), pageBreak: "before" } as Content;
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
    [SVG_FONT_FAMILY]: {
      normal: REPORT_FONT_POSTSCRIPT,
      bold: REPORT_FONT_POSTSCRIPT,
      italics: REPORT_FONT_POSTSCRIPT,
      bolditalics: REPORT_FONT_POSTSCRIPT,
    },
  });
  return pdf.createPdf(doc).getBuffer();
}

/** Charts the document shows: the brief's, and the appendix's minus those the brief already carries. */
function chartsShown(view: PlanView): { brief: ChartId[]; appendix: ChartId[] } {
  const brief = view.brief.charts.filter((id) => !view.charts[id].empty);
  const appendix = new Set<ChartId>();
  for (const s of view.sections)
    for (const b of s.blocks)
      if (b.kind === "chart" && !view.charts[b.chartId].empty && !brief.includes(b.chartId)) appendix.add(b.chartId);
  return { brief, appendix: [...appendix] };
}

/** Data URLs of the charts the document shows, keyed as the document definition refers to them. */
export async function chartImages(view: PlanView): Promise<Record<string, string>> {
  const { brief, appendix } = chartsShown(view);
  const jobs: [string, ChartSpec, ChartImageOptions][] = [
    ...brief.map((id) => [imageKey(id), view.charts[id], chartSize(id, view.charts[id], true)] as [string, ChartSpec, ChartImageOptions]),
    ...appendix.map((id) => [imageKey(id), view.charts[id], chartSize(id, view.charts[id])] as [string, ChartSpec, ChartImageOptions]),
  ];
  const jpegs = await Promise.all(jobs.map(([, spec, size]) => renderChartForPdf(spec, size)));
  return Object.fromEntries(jobs.map(([key], i) => [key, `data:image/jpeg;base64,${jpegs[i].toString("base64")}`]));
}

const imageKey = (id: ChartId) => `chart-${id}`;
const BRIEF_PAGE_2 = "brief-page-2";

/** The pdfmake document. `images` holds data URLs only: no key ever names a file or a URL. */
export function buildDocDefinition(view: PlanView, images: Record<string, string> = {}): TDocumentDefinitions {
  const t = translator(view.locale);
  const briefCharts = new Set(view.brief.charts);
  const content: Content[] = [...briefPages(view, t, images)];
  content.push({ ...(txt(t("pdf.appendix"), { style: "appendixTitle" }) as object), pageBreak: "before" } as Content);
  content.push(txt(t("pdf.appendixIntro"), { style: "notice" }));
  view.sections.forEach((section, i) => {
    const first = i === 0;
    content.push({
      ...(txt(section.heading, { style: "h1", headlineLevel: 1 }) as object),
      ...(!first && section.id === "risks" ? { pageBreak: "before" } : {}),
    } as Content);
    for (const block of section.blocks) {
      if (block.kind === "chart" && briefCharts.has(block.chartId))
        content.push(txt(t("pdf.chartInBrief", { title: view.charts[block.chartId].title }), { style: "notice" }));
      else content.push(renderBlock(block, view, t, images));
    }
  });
  const titleShort = Array.from(pdfSafeText(view.title)).slice(0, 60).join("") + (Array.from(view.title).length > 60 ? "…" : "");
  return {
    ...tierwisePage({
      margins: PAGE_MARGINS,
      lang: view.lang,
      info: {
        title: pdfSafeText(view.title),
        subject: view.meta.subject,
        author: view.meta.author,
        keywords: pdfSafeText(view.meta.keywords),
      },
      // Every page says what it is a page of: the title, the version and the date, and the page number.
      header: [txt(titleShort), txt(view.stamp.text)],
      footer: view.meta.docKind,
      t,
    }),
    styles: {
      h1: { fontSize: 14, color: COLORS.accent, margin: [0, 8, 0, 6] },
      h2: { fontSize: 11.5, color: COLORS.accent, margin: [0, 8, 0, 4] },
      appendixTitle: { fontSize: 18, color: COLORS.accent, margin: [0, 0, 0, 4] },
      briefTitle: { fontSize: 12, color: COLORS.accent, margin: [0, 8, 0, 4] },
      caption: { fontSize: 8, color: COLORS.muted, margin: [0, 2, 0, 8] },
      th: { fontSize: 8.5, color: COLORS.accent },
      td: { fontSize: 8.5 },
      small: { fontSize: 8, color: COLORS.muted },
      notice: { fontSize: 9, color: COLORS.muted, margin: [0, 2, 0, 8] },
    },
    pageBreakBefore: (node, queries) =>
      // The brief's second half opens page 2 unless page 1 already ran over; a heading never ends a page on its own.
      (node.id === BRIEF_PAGE_2 && node.startPosition.pageNumber === 1) ||
      (Boolean(node.headlineLevel) && queries.getFollowingNodesOnPage().length === 0),
    images,
    content,
  } as TDocumentDefinitions;
}

const TONE_COLOR = { good: "#1e7b34", warn: "#9a5b00", bad: "#b3261e", neutral: COLORS.accent } as const;

/** Pages 1–2: the whole decision. */
function briefPages(view: PlanView, t: Translate, images: Record<string, string>): Content[] {
  const b = view.brief;
  const out: Content[] = [
    { text: `${view.meta.product} · ${view.meta.docKind}`, fontSize: 9, color: COLORS.muted },
    txt(view.title, { fontSize: Array.from(view.title).length > 40 ? 15 : 19, lineHeight: 1.15, margin: [0, 2, 0, 6] }),
  ];
  if (view.upgradeNotice) out.push(txt(view.upgradeNotice, { style: "notice" }));
  out.push(verdictBox(b, t));
  if (b.regulations.length) {
    out.push(txt(t("brief.regulations"), { style: "briefTitle", color: TONE_COLOR.bad }));
    out.push({
      ul: b.regulations.map((r) => ({
        stack: [
          txt(`${r.text}${r.cap ? ` (${r.cap})` : ""} ${r.source}`, { fontSize: 9.5 }),
          txt(t("regulation.requires", { text: r.requirement }), { fontSize: 8.5, color: COLORS.muted }),
        ],
      })),
      margin: [0, 0, 0, 4],
    } as Content);
  }
  out.push(txt(t("brief.theAsk"), { style: "briefTitle" }), figureGrid(b.ask, 4, t));
  // Money in two columns (a break-even range with its odds is long); the expected quality on its own row below.
  out.push(txt(t("brief.theMoney"), { style: "briefTitle" }), figureGrid(b.money, 2, t));
  if (b.quality) out.push(figureGrid([b.quality], 1, t));
  // The rest of page 1: the downside and what to do next.
  out.push(txt(t("brief.risks"), { style: "briefTitle" }));
  out.push({
    ol: b.risks.map((r) => ({
      stack: [
        txt(`${r.text} (${r.severityLabel})`, { fontSize: 9.5 }),
        txt(`${t("plan.risk.mitigation")}: ${r.mitigation}`, { fontSize: 8.5, color: COLORS.muted }),
      ],
      margin: [0, 0, 0, 3],
    })),
    margin: [0, 0, 0, 4],
  } as Content);
  out.push(txt(t("brief.next"), { style: "briefTitle" }), txt(b.nextStep.text, { fontSize: 9.5 }));
  if (b.nextStep.gate) out.push(txt(b.nextStep.gate, { fontSize: 9.5 }));
  // Page 2 (when page 1 had room for all of the above): what the answer rests on, and the cash flow.
  const page2: Content[] = [];
  if (b.confirm.length) {
    page2.push(txt(t("brief.confirm"), { style: "briefTitle" }), txt(t("brief.confirmIntro"), { style: "small" }));
    page2.push(
      table(
        [t("brief.confirm.fact"), t("brief.confirm.value"), t("brief.confirm.quote"), t("brief.confirm.affects")],
        // The weightiest facts only, and what the other value would do (which already names what changes): the brief
        // is two pages; the profile in the appendix lists every fact with its source.
        b.confirm
          .slice(0, BRIEF_CONFIRM_ROWS)
          .map((c) => [c.label, `${c.value} (${c.sourceLabel})`, c.quotes.map((q) => `“${q}”`).join(" "), c.ifOther ?? t.list(c.affects)]),
        [80, 85, "*", 120],
      ),
    );
    if (b.confirm.length > BRIEF_CONFIRM_ROWS)
      page2.push(txt(t("brief.confirm.more", { n: b.confirm.length - BRIEF_CONFIRM_ROWS }), { style: "small" }));
  }
  if (b.constraints.length) {
    page2.push(txt(t("brief.constraint"), { style: "briefTitle" }));
    page2.push(
      table(
        [t("brief.constraint"), t("brief.constraint.stated"), t("brief.constraint.planned"), ""],
        b.constraints.map((c) => [c.label, c.stated, c.planned, t(c.fits ? "brief.constraint.ok" : "brief.constraint.notOk")]),
        ["*", 90, 90, 70],
      ),
    );
  }
  if (b.mustBeTrue.length)
    page2.push(txt(t("brief.mustBeTrue"), { style: "briefTitle" }), {
      ul: b.mustBeTrue.map((m) => txt(m, { fontSize: 9 })),
      margin: [0, 0, 0, 4],
    } as Content);
  if (page2.length) out.push({ stack: page2, id: BRIEF_PAGE_2 } as Content);
  for (const id of b.charts) {
    const spec = view.charts[id];
    if (spec.empty) continue;
    const caption = txt(`${t("report.figure")}: ${spec.alt}`, { style: "caption" });
    out.push(
      images[imageKey(id)]
        ? ({
            stack: [{ image: imageKey(id), width: CONTENT_WIDTH, alignment: "center" }, caption],
            unbreakable: true,
            margin: [0, 8, 0, 0],
          } as Content)
        : caption,
    );
  }
  return out;
}

/** Facts to confirm the brief's page 2 lists; the rest are in the appendix's profile. */
const BRIEF_CONFIRM_ROWS = 5;

function verdictBox(b: Brief, t: Translate): Content {
  return {
    table: {
      widths: ["*"],
      body: [
        [
          {
            stack: [
              {
                text: [
                  { text: `${t("report.verdict")}  `, fontSize: 9, color: COLORS.muted },
                  { text: pdfSafeText(b.verdict.label), fontSize: 17, color: TONE_COLOR[b.verdict.tone] },
                  {
                    text: `   ${t("report.grade")} ${b.grade} · ${b.score}/100 · ${pdfSafeText(b.tier)}`,
                    fontSize: 9,
                    color: COLORS.muted,
                  },
                ],
              },
              txt(b.answer, { fontSize: 10.5, lineHeight: 1.35, margin: [0, 3, 0, 0] }),
            ],
          },
        ],
      ],
    },
    layout: {
      fillColor: () => COLORS.figureFill,
      hLineWidth: () => 0,
      vLineWidth: () => 0,
      paddingLeft: () => 10,
      paddingRight: () => 10,
      paddingTop: () => 7,
      paddingBottom: () => 7,
    },
    margin: [0, 2, 0, 2],
  };
}

/** Under a row of figures, once per distinct list: which of them rest on figures nobody stated. */
function assumedNotes(list: KeyFigure[], t: Translate): Content[] {
  const seen = new Map<string, KeyFigure[]>();
  for (const f of list) if (f.assumed?.length) seen.set(JSON.stringify(f.assumed), [...(seen.get(JSON.stringify(f.assumed)) ?? []), f]);
  return [...seen.values()].map((figs) => {
    const refs = figs[0].assumed ?? [];
    const text = t("brief.assumedNote", {
      figures: t.list(figs.map((f) => f.label)),
      list: refs
        .slice(0, 4)
        .map((a) => a.text)
        .join("; "),
      more: refs.length > 4 ? t("brief.andMore", { n: refs.length - 4 }) : "",
    });
    return txt(text, { fontSize: 7.5, color: "#8a5200", margin: [0, 0, 0, 2] });
  });
}

function figureCell(f: KeyFigure): Content {
  const marked = f.assumed?.length ? " *" : "";
  return {
    stack: [
      { text: f.label, fontSize: 8, color: COLORS.muted },
      txt(f.value + marked, { fontSize: 13, color: TONE_COLOR[f.tone ?? "neutral"], margin: [0, 1, 0, 0] }),
      ...(f.detail ? [txt(f.detail, { fontSize: 7.5, color: COLORS.muted })] : []),
    ],
  };
}

function figureGrid(list: KeyFigure[], perRow: number, t: Translate): Content {
  const cells = list.map((f) => figureCell(f));
  const rows: Content[][] = [];
  for (let i = 0; i < cells.length; i += perRow) rows.push(Array.from({ length: perRow }, (_, j) => cells[i + j] ?? { text: "" }));
  const grid = {
    table: { widths: Array.from({ length: perRow }, () => "*"), body: rows, dontBreakRows: true },
    layout: {
      fillColor: () => COLORS.figureFill,
      hLineColor: () => "#ffffff",
      vLineColor: () => "#ffffff",
      hLineWidth: () => 3,
      vLineWidth: () => 3,
      paddingLeft: () => 8,
      paddingRight: () => 8,
      paddingTop: () => 5,
      paddingBottom: () => 5,
    },
    margin: [0, 0, 0, 2],
  } as Content;
  return { stack: [grid, ...assumedNotes(list, t)] };
}

function renderBlock(block: Block, view: PlanView, t: Translate, images: Record<string, string>): Content {
  const aiTag = t("report.aiWrittenTag");
  switch (block.kind) {
    case "paragraph":
      return block.ai ? aiBox(txt(block.text)) : txt(block.text, { margin: [0, 0, 0, 6] });
    case "notice":
      return txt(block.text, { style: "notice" });
    case "subheading":
      return txt(block.text, { style: "h2", headlineLevel: 2 });
    case "bullets": {
      const list: Content = { ul: block.items.map((item) => txt(block.ai ? `${aiTag}: ${item}` : item)), margin: [0, 0, 0, 6] } as Content;
      return block.ai ? aiBox(list) : list;
    }
    case "figures":
      return figureGrid(block.figures, Math.min(4, block.figures.length), t);
    case "chart": {
      const spec = view.charts[block.chartId];
      const caption = txt(`${t("report.figure")}: ${spec.alt}`, { style: "caption" });
      if (!images[imageKey(block.chartId)]) return caption;
      const size = chartSize(block.chartId, spec);
      return {
        stack: [{ image: imageKey(block.chartId), width: size.width, alignment: "center" }, caption],
        unbreakable: true,
        margin: [0, 4, 0, 4],
      } as Content;
    }
    case "reasons":
      return table(
        [t("q1.reason"), t("q1.kind"), t("q3.sources")],
        block.items.map((r) => [[r.text, r.assumed].filter(Boolean).join("\n"), r.kindLabel, r.source ?? ""]),
        ["*", 45, 40],
      );
    case "assumptions":
      return {
        stack: block.groups.map((g) => ({
          stack: [
            txt(g.title, { style: "h2", headlineLevel: 2 }),
            table(
              [t("plan.assumptions.key"), t("plan.assumptions.value"), t("plan.assumptions.source"), t("plan.assumptions.range")],
              g.items.map((i) => [
                i.assumed ? `${i.label} · ${t("assumptions.assumedTag")}` : i.label,
                `${i.display}${i.overridden ? ` (${t("plan.assumptions.overridden")})` : ""}`,
                `${i.sourceLabel} ${i.ref ?? ""}`.trim(),
                i.range ?? "",
              ]),
              ["*", 100, 75, 110],
            ),
          ],
        })),
      } as Content;
    case "facts":
      return table(
        [t("plan.profile.fact"), t("plan.profile.value"), t("plan.profile.source"), t("plan.profile.evidence")],
        block.rows.map((r) => [r.label, r.value, r.sourceLabel, [...r.evidence.map((e) => `“${e}”`), r.note].filter(Boolean).join("; ")]),
        [100, 100, 65, "*"],
      );
    case "sources":
      // Numbered, each labelled when it is not in the document's language ("〔英文原文〕 …").
      return { ul: block.items.map((s, i) => txt(`[${i + 1}] ${sourceLine(s, t)}`)), margin: [0, 0, 0, 6] } as Content;
    case "table":
      return table(block.columns, block.rows, block.widths, block.caption, t);
  }
}

function aiBox(inner: Content): Content {
  return {
    table: { widths: ["*"], body: [[inner]] },
    layout: {
      fillColor: () => COLORS.aiFill,
      hLineWidth: () => 0,
      vLineWidth: () => 0,
      paddingLeft: () => 8,
      paddingRight: () => 8,
      paddingTop: () => 5,
      paddingBottom: () => 5,
    },
    margin: [0, 0, 0, 8],
  };
}

const cellText = (c: Cell, t?: Translate): string =>
  typeof c === "string" ? c : [c.text, c.subSource && t ? sourceLine(c.subSource, t) : c.sub].filter(Boolean).join("\n");

function table(columns: string[], rows: Cell[][], widths?: (number | "*" | "auto")[], caption?: string, t?: Translate): Content {
  const w = widths && widths.length === columns.length ? widths : columns.map(() => "*" as const);
  const body: ContentTable = {
    table: {
      headerRows: 1,
      widths: w,
      dontBreakRows: true,
      body: [
        columns.map((c) => txt(c, { style: "th" })),
        ...rows.map((r) => columns.map((_, i) => txt(cellText(r[i] ?? "", t), { style: "td" }))),
      ],
    },
    layout: {
      hLineWidth: (i: number) => (i === 1 ? 0.8 : 0.4),
      vLineWidth: () => 0,
      hLineColor: () => COLORS.rule,
      paddingTop: () => 2.5,
      paddingBottom: () => 2.5,
    },
    margin: [0, 2, 0, 8],
  };
  return caption ? ({ stack: [txt(caption, { style: "small" }), body] } as Content) : body;
}
