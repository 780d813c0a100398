// The workshop portfolio as one PDF (issue 11 item 6): the suggested order with the total budget on page 1, the
// value × feasibility matrix on page 2 (vector SVG: its labels are text that can be searched and read back), then one
// short card per option. Built from the same view model as the web page (app/workshop/view.ts), laid out with the
// decision PDF's machinery (font, access policies) and rendered in the same worker pool. Pure: data in, bytes out.
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces";
import { translator, type Translate } from "~/i18n/translate";
import { formatMoneyCompact, formatNumber } from "~/present/format";
import { COLORS, CONTENT_WIDTH, pdfSafeText, renderDocument, SVG_FONT_FAMILY, tierwisePage, txt } from "~/report/pdf.server";
import { pdfMatrixSvg, type WorkshopView } from "~/workshop/view";

export interface PortfolioDoc {
  view: WorkshopView;
  /** When it was prepared, already in the reader's time zone ("1 Dec 2026, 09:05 (UTC+8)"). */
  preparedAt: string;
}

const VERDICT = { go: "#1b6e3a", pilot: "#7a5200", rethink: "#a7411a", no_go: "#9f1d1d" } as const;

/** A problem drawing the matrix (a font it could not open…) fails the export instead of printing a warning. */
function svgWarning(message: string): never {
  throw new Error(`portfolio matrix: ${message.slice(0, 200)}`);
}

export function renderPortfolioPdf(doc: PortfolioDoc): Promise<Buffer> {
  return renderDocument(buildPortfolioDoc(doc));
}

function grid(cells: { label: string; value: string }[], columns: number): Content {
  const rows: Content[][] = [];
  for (let i = 0; i < cells.length; i += columns) {
    rows.push(
      Array.from({ length: columns }, (_, j) => {
        const c = cells[i + j];
        return c
          ? ({
              stack: [
                txt(c.label, { fontSize: 8, color: COLORS.muted }),
                txt(c.value, { fontSize: 13, color: COLORS.accent, margin: [0, 2, 0, 0] }),
              ],
            } as Content)
          : ({ text: "" } as Content);
      }),
    );
  }
  return {
    table: { widths: Array.from({ length: columns }, () => "*"), body: rows, dontBreakRows: true },
    layout: {
      fillColor: () => COLORS.figureFill,
      hLineColor: () => "#ffffff",
      vLineColor: () => "#ffffff",
      hLineWidth: () => 3,
      vLineWidth: () => 3,
      paddingLeft: () => 8,
      paddingRight: () => 8,
      paddingTop: () => 6,
      paddingBottom: () => 6,
    },
    margin: [0, 4, 0, 10],
  } as Content;
}

function table(head: string[], rows: string[][], widths: (number | "*" | "auto")[], numeric: boolean[] = []): Content {
  const cell = (text: string, i: number, header: boolean) =>
    txt(text, { fontSize: header ? 7.5 : 8, color: header ? COLORS.accent : COLORS.ink, alignment: numeric[i] ? "right" : "left" });
  return {
    table: {
      headerRows: 1,
      widths,
      body: [head.map((h, i) => cell(h, i, true)), ...rows.map((r) => r.map((c, i) => cell(c, i, false)))],
      dontBreakRows: true,
    },
    layout: {
      hLineWidth: (i: number) => (i === 1 ? 0.8 : 0.4),
      vLineWidth: () => 0,
      hLineColor: () => COLORS.rule,
      paddingTop: () => 3,
      paddingBottom: () => 3,
      paddingLeft: () => 3,
      paddingRight: () => 3,
    },
    margin: [0, 2, 0, 10],
  } as Content;
}

export function buildPortfolioDoc({ view, preparedAt }: PortfolioDoc): TDocumentDefinitions {
  const t = translator(view.locale);
  const c = view.conversion.currency;
  const money = (v: number | null) => formatMoneyCompact(v, c, view.locale);
  const num = (v: number | null, d = 0) => formatNumber(v, view.locale, d);
  const p = view.portfolio;
  const currencyName = t(c === "CNY" ? "ws.currency.CNY" : "ws.currency.USD");
  const quadrant = (q: string | null) => (q ? t(`ws.quadrant.${q as "quick_win"}`) : "—");
  const content: Content[] = [];

  // Page 1: the order and the budget.
  content.push(txt(`${t("app.name")} · ${t("portfolio.docKind")}`, { fontSize: 9, color: COLORS.muted }));
  content.push(txt(t("portfolio.title"), { fontSize: 20, color: COLORS.ink, margin: [0, 2, 0, 2] }));
  content.push(
    txt(t("portfolio.generated", { date: preparedAt, n: view.options.length, currency: currencyName }), {
      fontSize: 9,
      color: COLORS.muted,
      margin: [0, 0, 0, 6],
    }),
  );
  content.push(txt(view.moneyNote, { fontSize: 9, margin: [0, 0, 0, 6] }));
  content.push(txt(t("portfolio.totals"), { fontSize: 12, color: COLORS.accent, margin: [0, 6, 0, 2] }));
  content.push(
    grid(
      [
        { label: t("portfolio.total.oneOff"), value: money(p.totals.oneOff) },
        { label: t("portfolio.total.monthly"), value: money(p.totals.monthly) },
        { label: t("portfolio.total.firstYear"), value: money(p.totals.firstYear) },
        { label: t("portfolio.total.effort"), value: t("ws.unit.personWeeks", { n: num(p.totals.personWeeks) }) },
      ],
      4,
    ),
  );
  if (p.totals.missing) content.push(txt(t("portfolio.missing", { n: p.totals.missing }), { fontSize: 8.5, color: COLORS.muted }));
  if (p.budget)
    content.push(
      txt(t("portfolio.budget.fits", { budget: money(p.budget.amount), n: p.budget.count, total: money(p.budget.chosen.oneOff) }), {
        fontSize: 10,
        margin: [0, 0, 0, 6],
      }),
    );
  content.push(txt(t("present.ranking"), { fontSize: 12, color: COLORS.accent, margin: [0, 6, 0, 2] }));
  const budget = p.budget !== null;
  content.push(
    table(
      [
        t("portfolio.col.rank"),
        t("ws.col.option"),
        t("ws.col.quadrant"),
        t("ws.col.verdict"),
        t("ws.row.valueForEffort"),
        t("ws.row.personWeeks"),
        t("ws.row.oneOff"),
        t("ws.row.monthly"),
        t("portfolio.col.cumulative"),
        ...(budget ? [t("portfolio.col.budget")] : []),
      ],
      p.ranked.map((r) => [
        String(r.rank),
        `${r.option.number}. ${r.option.title}`,
        quadrant(r.quadrant),
        t.label("verdict", r.option.verdict),
        r.valueForEffort === null ? "—" : num(r.valueForEffort, 2),
        num(r.option.personWeeks),
        money(r.option.money.oneOff),
        money(r.option.money.monthly),
        money(r.cumulativeOneOff),
        ...(budget ? [r.withinBudget ? t("portfolio.budget.in") : t("portfolio.budget.out")] : []),
      ]),
      [24, "*", 50, 44, 44, 40, 46, 46, 50, ...(budget ? [30] : [])] as (number | "*")[],
      [true, false, false, false, true, true, true, true, true, false],
    ),
  );
  content.push(txt(t("portfolio.rule"), { fontSize: 8, color: COLORS.muted, margin: [0, 0, 0, 6] }));
  if (p.excluded.length) {
    content.push(txt(t("portfolio.excluded"), { fontSize: 11, color: COLORS.accent, margin: [0, 6, 0, 2] }));
    content.push({
      ul: p.excluded.map((r) => txt(`${r.option.number}. ${r.option.title} — ${t.label("verdict", r.option.verdict)}`, { fontSize: 9 })),
    } as Content);
  }

  // Page 2: the matrix and its key.
  const svg = pdfMatrixSvg(view, pdfSafeText, SVG_FONT_FAMILY);
  if (svg && view.matrix) {
    content.push({
      ...(txt(t("ws.matrix.title"), { fontSize: 14, color: COLORS.accent, margin: [0, 0, 0, 4] }) as object),
      pageBreak: "before",
    } as Content);
    // The drawing's text uses the report font (loaded by page 1's text) and may never fall back silently.
    content.push({
      svg,
      width: CONTENT_WIDTH,
      font: SVG_FONT_FAMILY,
      options: { warningCallback: svgWarning },
      margin: [0, 0, 0, 6],
    } as unknown as Content);
    const notes = [
      view.matrix.splitNote,
      view.matrix.sizeNote,
      view.matrix.sizeUnknown ? t("ws.matrix.sizeUnknown") : null,
      view.matrix.moved ? t("ws.matrix.moved") : null,
      t("ws.matrix.colourKey"),
    ].filter((x): x is string => Boolean(x));
    content.push({ ul: notes.map((n) => txt(n, { fontSize: 8, color: COLORS.muted })), margin: [0, 0, 0, 6] } as Content);
    content.push(
      table(
        [
          t("ws.col.number"),
          t("ws.col.option"),
          t("ws.col.quadrant"),
          t("ws.col.verdict"),
          t("ws.col.value"),
          t("ws.col.feasibility"),
          t("ws.row.oneOff"),
        ],
        view.matrix.key.map((k) => [
          String(k.number),
          k.title,
          quadrant(k.quadrant),
          t.label("verdict", k.verdict),
          k.value,
          k.feasibility,
          k.oneOff,
        ]),
        [24, "*", 60, 50, 36, 50, 56],
        [true, false, false, false, true, true, true],
      ),
    );
  }

  // Then one card per option, in the suggested order (no-go last).
  content.push({
    ...(txt(t("portfolio.perOption"), { fontSize: 14, color: COLORS.accent, margin: [0, 0, 0, 4] }) as object),
    pageBreak: "before",
  } as Content);
  for (const r of [...p.ranked, ...p.excluded]) content.push(optionCard(view, r.option.id, r.rank, t, money, num));

  return {
    ...tierwisePage({
      margins: [50, 56, 50, 50],
      lang: view.locale === "zh" ? "zh-CN" : "en",
      info: { title: pdfSafeText(`${t("portfolio.title")} — ${t("app.name")}`), subject: t("portfolio.docKind") },
      header: [{ text: `${t("app.name")} · ${t("portfolio.docKind")}` }, { text: pdfSafeText(preparedAt) }],
      footer: currencyName,
      t,
    }),
    content,
  } as TDocumentDefinitions;
}

function optionCard(
  view: WorkshopView,
  id: string,
  rank: number | null,
  t: Translate,
  money: (v: number | null) => string,
  num: (v: number | null, d?: number) => string,
): Content {
  const o = view.options.find((x) => x.id === id)!;
  const d = view.details[id];
  const row = (rowId: string) => view.rows.find((r) => r.id === rowId)?.cells[id]?.text ?? "—";
  const heading = `${o.number}. ${o.title}`;
  const sub = [rank !== null ? `${t("portfolio.col.rank")} ${rank}` : null, row("quadrant"), t.label("verdict", o.verdict), d?.tierLabel]
    .filter(Boolean)
    .join(" · ");
  const stack: Content[] = [
    txt(heading, { fontSize: 12, color: VERDICT[o.verdict], margin: [0, 0, 0, 1] }),
    txt(sub, { fontSize: 8.5, color: COLORS.muted, margin: [0, 0, 0, 3] }),
    grid(
      [
        { label: t("ws.row.value"), value: num(o.value) },
        { label: t("ws.row.feasibility"), value: num(o.feasibility, 1) },
        { label: t("ws.row.oneOff"), value: money(o.money.oneOff) },
        { label: t("ws.row.monthly"), value: money(o.money.monthly) },
        { label: t("ws.row.team"), value: row("team") },
        { label: t("ws.row.launch"), value: row("launch") },
        { label: t("ws.row.breakEven"), value: row("breakEven") },
        { label: t("ws.row.npv"), value: money(o.money.npv) },
      ],
      4,
    ),
  ];
  if (d?.techniques) stack.push(txt(`${t("ws.row.techniques")}: ${d.techniques}`, { fontSize: 8.5, margin: [0, 0, 0, 3] }));
  if (d?.why.length)
    stack.push(txt(t("portfolio.topReasons"), { fontSize: 9.5, color: COLORS.accent }), {
      ul: d.why.map((w) => txt(w, { fontSize: 8.5 })),
      margin: [0, 0, 0, 3],
    } as Content);
  if (d?.risks.length)
    stack.push(txt(t("portfolio.topRisks"), { fontSize: 9.5, color: COLORS.accent }), {
      ul: d.risks.map((r) => txt(`${r.text} (${r.severityLabel}) — ${r.mitigation}`, { fontSize: 8.5 })),
      margin: [0, 0, 0, 3],
    } as Content);
  return { stack, unbreakable: true, margin: [0, 6, 0, 10] } as Content;
}
