// The workshop's view model: from the scenarios picked (and the page's choices: currency, rate, quadrant lines, budget,
// sort) to everything the compare page, the portfolio, the presenter view and the portfolio PDF show — the options in
// one currency, the matrix drawings, the rows with their best and worst, the ranked portfolio. Pure and worker-safe:
// the PDF is built from the same object in the render pool.
import type { Verdict } from "~/domain/engine/types";
import type { Currency, Locale } from "~/domain/scenario";
import { chooseConversion, defaultCurrency, inCurrency, parseCurrency, parseRate, type Conversion } from "~/domain/workshop/currency";
import { workshopOption, type WorkshopOption } from "~/domain/workshop/options";
import { buildPortfolio, type Portfolio } from "~/domain/workshop/portfolio";
import { SPLIT_MODES, splitFor, type Quadrant, type Split, type SplitMode } from "~/domain/workshop/position";
import type { DecisionPlan } from "~/domain/plan-types";
import { translator, type MessageKey, type Translate } from "~/i18n/translate";
import { formatMoneyCompact, formatNumber, formatPercent } from "~/present/format";
import {
  DESKTOP_FRAME,
  layoutMatrix,
  PDF_FRAME,
  PHONE_FRAME,
  PROJECTOR_FRAME,
  type MatrixFrame,
  type MatrixLayout,
} from "~/workshop/matrix-layout";

export { PROJECTOR_FRAME };
import { matrixSvg } from "~/workshop/matrix-svg";

export const SELECTION_MIN = 2;
export const SELECTION_MAX = 12;

// ─────────────────────────────── the page's choices ───────────────────────────────

export const ROW_IDS = [
  "verdict",
  "score",
  "value",
  "feasibility",
  "quadrant",
  "valueForEffort",
  "tier",
  "techniques",
  "team",
  "personWeeks",
  "launch",
  "feedback",
  "oneOff",
  "monthly",
  "firstYear",
  "breakEven",
  "npv",
  "roi",
] as const;
export type RowId = (typeof ROW_IDS)[number];

export interface WorkshopParams {
  currency: Currency | null;
  rate: number | null;
  /** The typed rate could not be read (the page says so and uses the default). */
  rateInvalid: boolean;
  split: SplitMode;
  budget: number | null;
  budgetInvalid: boolean;
  sort: RowId | null;
}

/** "500000", "50万", "1.2亿", "500k", "1.5m", "¥30,000", "$8k" → a number; null when unreadable. */
export function parseAmount(raw: string | null | undefined): number | null {
  const t = (raw ?? "")
    .trim()
    .replace(/[,，\s]/g, "")
    .replace(/^(?:US\$|CN¥|[$¥￥])/i, "")
    .replace(/(?:元|美元|USD|CNY|RMB)$/i, "");
  const m = /^(\d+(?:\.\d+)?)(万|亿|k|m)?$/i.exec(t);
  if (!m) return null;
  const unit = { 万: 1e4, 亿: 1e8, k: 1e3, m: 1e6 }[(m[2] ?? "").toLowerCase() as "万"] ?? 1;
  const n = Number(m[1]) * unit;
  return Number.isFinite(n) && n > 0 && n <= 1e12 ? n : null;
}

export function readWorkshopParams(params: URLSearchParams): WorkshopParams {
  const rawRate = params.get("rate");
  const rate = parseRate(rawRate);
  const rawBudget = params.get("budget");
  const budget = parseAmount(rawBudget);
  const split = params.get("split");
  const sort = params.get("sort");
  return {
    currency: parseCurrency(params.get("currency")),
    rate,
    rateInvalid: Boolean(rawRate?.trim()) && rate === null,
    split: (SPLIT_MODES as readonly string[]).includes(split ?? "") ? (split as SplitMode) : "bar",
    budget,
    budgetInvalid: Boolean(rawBudget?.trim()) && budget === null,
    sort: (ROW_IDS as readonly string[]).includes(sort ?? "") ? (sort as RowId) : null,
  };
}

/** `?ids=a&ids=b` (or `ids=a,b`), distinct, in the order given. */
export function readIds(params: URLSearchParams): string[] {
  return [
    ...new Set(
      params
        .getAll("ids")
        .flatMap((v) => v.split(","))
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ];
}

// ─────────────────────────────── the view ───────────────────────────────

export interface WorkshopInput {
  id: string;
  title: string;
  tags: string[];
  archived?: boolean;
  plan: DecisionPlan;
}

export interface KeyRow {
  number: number;
  id: string;
  title: string;
  archived: boolean;
  verdict: Verdict;
  quadrant: Quadrant | null;
  value: string;
  feasibility: string;
  oneOff: string;
}

export interface MatrixView {
  desktop: string;
  phone: string;
  alt: string;
  key: KeyRow[];
  sizeNote: string | null;
  sizeUnknown: boolean;
  moved: boolean;
  /** Titles too crowded to name on the phone or desktop drawing. */
  unlabelled: string[];
  splitNote: string;
}

export interface Cell {
  text: string;
  /** For sorting and marks: larger is better after `better` is applied. */
  mark: "best" | "worst" | null;
  verdict?: Verdict;
}

export interface CompareRow {
  id: RowId;
  label: string;
  sortable: boolean;
  cells: Record<string, Cell>;
}

/** What a reader needs besides the figures to present an option: why the engine says so, and what could go wrong. */
export interface OptionDetails {
  /** The weightiest reasons (gates first), in the page's language. */
  why: string[];
  risks: { text: string; severity: "low" | "medium" | "high"; severityLabel: string; mitigation: string }[];
  tierLabel: string;
  techniques: string;
}

export interface WorkshopView {
  locale: Locale;
  details: Record<string, OptionDetails>;
  options: (WorkshopOption & { number: number; archived: boolean })[];
  conversion: Conversion;
  moneyNote: string;
  split: Split;
  matrix: MatrixView | null;
  portfolio: Portfolio<WorkshopOption & { number: number; archived: boolean }>;
  rows: CompareRow[];
  /** Option ids in column order (sorted by `sortedBy` when given). */
  order: string[];
  sortedBy: RowId | null;
}

const VERDICT_RANK: Record<Verdict, number> = { go: 3, pilot: 2, rethink: 1, no_go: 0 };
const QUADRANT_RANK: Record<Quadrant, number> = { quick_win: 3, big_bet: 2, fill_in: 1, deprioritise: 0 };

interface RowDef {
  id: RowId;
  label: MessageKey;
  /** What is better; null: not ranked (not sortable, no marks). */
  better: "higher" | "lower" | null;
  /** Categories (verdict, quadrant) sort but are not marked: most options share the best one. */
  noMarks?: boolean;
  value: (o: WorkshopOption, ctx: RowContext) => number | null;
  text: (o: WorkshopOption, ctx: RowContext) => string;
}

interface RowContext {
  t: Translate;
  locale: Locale;
  currency: Currency;
  quadrant: (id: string) => Quadrant | null;
  vfe: (id: string) => number | null;
}

const dash = "—";
const numText = (v: number | null, locale: Locale, digits = 0) => (v === null ? dash : formatNumber(v, locale, digits));

const ROWS: RowDef[] = [
  {
    id: "verdict",
    label: "ws.row.verdict",
    better: "higher",
    noMarks: true,
    value: (o) => VERDICT_RANK[o.verdict],
    text: (o, c) => c.t.label("verdict", o.verdict),
  },
  { id: "score", label: "ws.row.score", better: "higher", value: (o) => o.score, text: (o, c) => numText(o.score, c.locale) },
  { id: "value", label: "ws.row.value", better: "higher", value: (o) => o.value, text: (o, c) => numText(o.value, c.locale) },
  {
    id: "feasibility",
    label: "ws.row.feasibility",
    better: "higher",
    value: (o) => o.feasibility,
    text: (o, c) => numText(o.feasibility, c.locale, 1),
  },
  {
    id: "quadrant",
    label: "ws.row.quadrant",
    better: "higher",
    noMarks: true,
    value: (o, c) => {
      const q = c.quadrant(o.id);
      return q ? QUADRANT_RANK[q] : null;
    },
    text: (o, c) => {
      const q = c.quadrant(o.id);
      return q ? c.t(`ws.quadrant.${q}`) : dash;
    },
  },
  {
    id: "valueForEffort",
    label: "ws.row.valueForEffort",
    better: "higher",
    value: (o, c) => c.vfe(o.id),
    text: (o, c) => (c.vfe(o.id) === null ? dash : c.t("ws.unit.perPersonMonth", { n: formatNumber(c.vfe(o.id), c.locale, 2) })),
  },
  { id: "tier", label: "ws.row.tier", better: null, value: (o) => o.tier, text: (o, c) => c.t.label("tier", o.tier) },
  {
    id: "techniques",
    label: "ws.row.techniques",
    better: null,
    value: () => null,
    text: (o, c) => c.t.list(o.techniques.map((x) => c.t.pick(x.name, x.id))) || dash,
  },
  {
    id: "team",
    label: "ws.row.team",
    better: "lower",
    value: (o) => o.headcount,
    text: (o, c) => (o.headcount === null ? dash : c.t("ws.unit.people", { n: formatNumber(o.headcount, c.locale, 1) })),
  },
  {
    id: "personWeeks",
    label: "ws.row.personWeeks",
    better: "lower",
    value: (o) => o.personWeeks,
    text: (o, c) => (o.personWeeks === null ? dash : c.t("ws.unit.personWeeks", { n: formatNumber(o.personWeeks, c.locale, 0) })),
  },
  {
    id: "launch",
    label: "ws.row.launch",
    better: "lower",
    value: (o) => o.launchWeek,
    text: (o, c) => (o.launchWeek === null ? dash : c.t("ws.unit.weeks", { n: formatNumber(o.launchWeek, c.locale, 1) })),
  },
  {
    id: "feedback",
    label: "ws.row.feedback",
    better: "higher",
    value: (o) => o.feedbackPerMonth,
    text: (o, c) => numText(o.feedbackPerMonth, c.locale),
  },
  {
    id: "oneOff",
    label: "ws.row.oneOff",
    better: "lower",
    value: (o) => o.money.oneOff,
    text: (o, c) => formatMoneyCompact(o.money.oneOff, c.currency, c.locale),
  },
  {
    id: "monthly",
    label: "ws.row.monthly",
    better: "lower",
    value: (o) => o.money.monthly,
    text: (o, c) => formatMoneyCompact(o.money.monthly, c.currency, c.locale),
  },
  {
    id: "firstYear",
    label: "ws.row.firstYear",
    better: "lower",
    value: (o) => o.money.firstYear,
    text: (o, c) => formatMoneyCompact(o.money.firstYear, c.currency, c.locale),
  },
  {
    id: "breakEven",
    label: "ws.row.breakEven",
    better: "lower",
    // Never breaking even is worse than any month.
    value: (o) => (o.breakEvenMonth !== null ? o.breakEvenMonth : o.horizonMonths !== null ? Number.MAX_SAFE_INTEGER : null),
    text: (o, c) =>
      o.breakEvenMonth !== null
        ? c.t("ws.unit.month", { n: o.breakEvenMonth })
        : o.horizonMonths !== null
          ? c.t("ws.unit.never", { n: o.horizonMonths })
          : dash,
  },
  {
    id: "npv",
    label: "ws.row.npv",
    better: "higher",
    value: (o) => o.money.npv,
    text: (o, c) => formatMoneyCompact(o.money.npv, c.currency, c.locale),
  },
  { id: "roi", label: "ws.row.roi", better: "higher", value: (o) => o.roi, text: (o, c) => formatPercent(o.roi, c.locale) },
];

/** Best and worst of a row: only when at least two options have a figure and they differ. */
function marks(values: (number | null)[], better: RowDef["better"]): ("best" | "worst" | null)[] {
  const known = values.filter((v): v is number => v !== null);
  if (!better || known.length < 2) return values.map(() => null);
  const hi = Math.max(...known);
  const lo = Math.min(...known);
  if (hi === lo) return values.map(() => null);
  const [best, worst] = better === "higher" ? [hi, lo] : [lo, hi];
  return values.map((v) => (v === best ? "best" : v === worst ? "worst" : null));
}

function moneyNote(c: Conversion, total: number, t: Translate, locale: Locale): string {
  const currency = t(c.currency === "CNY" ? "ws.currency.CNY" : "ws.currency.USD");
  if (c.rate === null) return t("compare.money.same", { currency });
  const source =
    c.source === "user"
      ? t("compare.rate.user")
      : c.source === "plans"
        ? t("compare.rate.plans")
        : t("compare.rate.reference", {
            date: c.reference.date,
            rates: t.list(c.planRates.map((r) => formatNumber(r, locale, 4))) || dash,
          });
  return t("compare.money.converted", { currency, n: c.converted, total, rate: formatNumber(c.rate, locale, 4), source });
}

function matrixView(
  options: WorkshopView["options"],
  portfolio: WorkshopView["portfolio"],
  split: Split,
  t: Translate,
  locale: Locale,
  currency: Currency,
): MatrixView | null {
  const placed = options.filter((o) => o.value !== null && o.feasibility !== null);
  if (placed.length === 0) return null;
  const quadrantOf = new Map([...portfolio.ranked, ...portfolio.excluded].map((r) => [r.option.id, r.quadrant]));
  const names = {
    quick_win: t("ws.quadrant.quick_win"),
    big_bet: t("ws.quadrant.big_bet"),
    fill_in: t("ws.quadrant.fill_in"),
    deprioritise: t("ws.quadrant.deprioritise"),
  };
  const points = placed.map((o) => ({
    key: o.id,
    number: o.number,
    label: o.title,
    x: o.feasibility as number,
    y: o.value as number,
    size: o.money.oneOff,
  }));
  const money = (v: number | null) => formatMoneyCompact(v, currency, locale);
  const round = (v: number | null, d = 0) => formatNumber(v, locale, d);
  const qName = (id: string) => {
    const q = quadrantOf.get(id);
    return q ? t(`ws.quadrant.${q}`) : dash;
  };
  const tooltips = Object.fromEntries(
    placed.map((o) => [
      o.id,
      t("ws.matrix.tooltip", {
        number: o.number,
        title: o.title,
        quadrant: qName(o.id),
        feasibility: round(o.feasibility, 1),
        value: round(o.value),
        cost: money(o.money.oneOff),
        verdict: t.label("verdict", o.verdict),
      }),
    ]),
  );
  const verdicts = Object.fromEntries(placed.map((o) => [o.id, o.verdict]));
  const draw = (frame: MatrixFrame, name: string): { svg: string; layout: MatrixLayout } => {
    const layout = layoutMatrix(points, split, names, frame);
    return {
      layout,
      svg: matrixSvg(
        layout,
        { alt: "", xTitle: frame === PHONE_FRAME ? t("ws.matrix.xShort") : t("ws.matrix.x"), yTitle: t("ws.matrix.y"), tooltips, verdicts },
        { name },
      ),
    };
  };
  const desktop = draw(DESKTOP_FRAME, "desktop");
  const phone = draw(PHONE_FRAME, "phone");
  const alt = t("ws.matrix.alt", {
    n: placed.length,
    xFrom: desktop.layout.x.domain[0],
    xTo: desktop.layout.x.domain[1],
    yFrom: desktop.layout.y.domain[0],
    yTo: desktop.layout.y.domain[1],
    sx: round(split.feasibility, 1),
    sy: round(split.value, 1),
    points: t.list(
      placed.map((o) =>
        t("ws.matrix.altPoint", {
          number: o.number,
          title: o.title,
          quadrant: qName(o.id),
          feasibility: round(o.feasibility, 1),
          value: round(o.value),
          cost: money(o.money.oneOff),
        }),
      ),
    ),
  });
  // The alternative text goes on the drawings themselves (role="img").
  const withAlt = (svg: string) => svg.replace('aria-label=""', `aria-label="${escapeAttr(alt)}"`);
  const size = desktop.layout.sizeRange;
  const unlabelledKeys = new Set([...desktop.layout.unlabelled, ...phone.layout.unlabelled]);
  return {
    desktop: withAlt(desktop.svg),
    phone: withAlt(phone.svg),
    alt,
    key: options.map((o) => ({
      number: o.number,
      id: o.id,
      title: o.title,
      archived: o.archived,
      verdict: o.verdict,
      quadrant: quadrantOf.get(o.id) ?? null,
      value: round(o.value),
      feasibility: round(o.feasibility, 1),
      oneOff: money(o.money.oneOff),
    })),
    sizeNote: size ? t("ws.matrix.size", { min: money(size.min), max: money(size.max) }) : null,
    sizeUnknown: desktop.layout.bubbles.some((b) => !b.sizeKnown),
    moved: desktop.layout.bubbles.some((b) => b.displaced) || phone.layout.bubbles.some((b) => b.displaced),
    unlabelled: options.filter((o) => unlabelledKeys.has(o.id)).map((o) => `${o.number}. ${o.title}`),
    splitNote:
      split.mode === "bar"
        ? t("ws.matrix.splitNote.bar", { n: split.value })
        : t("ws.matrix.splitNote.median", { sx: round(split.feasibility, 1), sy: round(split.value, 1) }),
  };
}

const escapeAttr = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);

/**
 * The matrix drawn again in another frame (the PDF page, a projector), from a view already built; `clean` makes titles
 * drawable by the target's font.
 */
export function matrixSvgIn(
  view: WorkshopView,
  frame: MatrixFrame,
  name: string,
  clean: (text: string) => string = (x) => x,
  fontFamily?: string,
): string | null {
  if (!view.matrix) return null;
  const t = translator(view.locale);
  const placed = view.options.filter((o) => o.value !== null && o.feasibility !== null);
  const names = {
    quick_win: t("ws.quadrant.quick_win"),
    big_bet: t("ws.quadrant.big_bet"),
    fill_in: t("ws.quadrant.fill_in"),
    deprioritise: t("ws.quadrant.deprioritise"),
  };
  const layout = layoutMatrix(
    placed.map((o) => ({
      key: o.id,
      number: o.number,
      label: clean(o.title),
      x: o.feasibility as number,
      y: o.value as number,
      size: o.money.oneOff,
    })),
    view.split,
    names,
    frame,
  );
  return matrixSvg(
    layout,
    {
      alt: view.matrix.alt,
      xTitle: t("ws.matrix.x"),
      yTitle: t("ws.matrix.y"),
      tooltips: {},
      verdicts: Object.fromEntries(placed.map((o) => [o.id, o.verdict])),
    },
    { name, fontFamily },
  );
}

export const pdfMatrixSvg = (view: WorkshopView, clean: (text: string) => string, fontFamily: string) =>
  matrixSvgIn(view, PDF_FRAME, "pdf", clean, fontFamily);

export function buildWorkshopView(scenarios: readonly WorkshopInput[], locale: Locale, params: WorkshopParams): WorkshopView {
  const t = translator(locale);
  const raw = scenarios.map((s, i) => ({ ...workshopOption(s.id, s.title, s.plan, s.tags), number: i + 1, archived: Boolean(s.archived) }));
  const currency = params.currency ?? defaultCurrency(raw, locale);
  const conversion = chooseConversion(raw, currency, params.rate);
  const options = inCurrency(raw, conversion);
  const positions = options
    .filter((o) => o.value !== null && o.feasibility !== null)
    .map((o) => ({ value: o.value as number, feasibility: o.feasibility as number }));
  const split = splitFor(params.split, positions);
  const portfolio = buildPortfolio(options, split, params.budget);
  const all = [...portfolio.ranked, ...portfolio.excluded];
  const ctx: RowContext = {
    t,
    locale,
    currency,
    quadrant: (id) => all.find((r) => r.option.id === id)?.quadrant ?? null,
    vfe: (id) => all.find((r) => r.option.id === id)?.valueForEffort ?? null,
  };
  const rows: CompareRow[] = ROWS.map((def) => {
    const values = options.map((o) => def.value(o, ctx));
    const m = marks(values, def.noMarks ? null : def.better);
    return {
      id: def.id,
      label: t(def.label),
      sortable: def.better !== null,
      cells: Object.fromEntries(
        options.map((o, i) => [o.id, { text: def.text(o, ctx), mark: m[i], ...(def.id === "verdict" ? { verdict: o.verdict } : {}) }]),
      ),
    };
  });
  let order = options.map((o) => o.id);
  const sortDef = params.sort ? ROWS.find((r) => r.id === params.sort && r.better !== null) : undefined;
  if (sortDef) {
    const sign = sortDef.better === "higher" ? -1 : 1;
    const key = new Map(options.map((o) => [o.id, sortDef.value(o, ctx)]));
    order = [...order].sort((a, b) => {
      const x = key.get(a) ?? null;
      const y = key.get(b) ?? null;
      if (x === null || y === null) return x === null ? (y === null ? 0 : 1) : -1;
      return sign * (x - y);
    });
  }
  const severityRank = { high: 0, medium: 1, low: 2 } as const;
  const details = Object.fromEntries(
    scenarios.map((sc) => [
      sc.id,
      {
        why: sc.plan.feasibility.reasons.slice(0, 3).map((r) => t.pick(r.text)),
        risks: [...sc.plan.risks]
          .sort((a, b) => severityRank[a.severity] - severityRank[b.severity])
          .slice(0, 3)
          .map((r) => ({
            text: t.pick(r.text),
            severity: r.severity,
            severityLabel: t.label("severity", r.severity),
            mitigation: t.pick(r.mitigation),
          })),
        tierLabel: t.label("tier", sc.plan.primaryTier),
        techniques: t.list(options.find((o) => o.id === sc.id)?.techniques.map((x) => t.pick(x.name, x.id)) ?? []),
      } satisfies OptionDetails,
    ]),
  );
  return {
    locale,
    details,
    options,
    conversion,
    moneyNote: moneyNote(conversion, options.length, t, locale),
    split,
    matrix: matrixView(options, portfolio, split, t, locale, currency),
    portfolio,
    rows,
    order,
    sortedBy: sortDef ? sortDef.id : null,
  };
}
