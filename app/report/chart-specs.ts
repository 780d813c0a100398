// The five charts of a plan as chart.js configurations, shared by the web page (react-chartjs-2) and the PDF
// (chart.js on @napi-rs/canvas), so both show the same figures with the same labels.
//
// Pure: no DOM, no canvas, and no functions inside a configuration, so a spec survives JSON (loader data, tests).
// Consequences: tick labels cannot be formatted by callbacks, so money axes are pre-scaled (万元, k USD) and the
// unit goes in the axis title. Renderers may add their own presentation options (responsive, fonts, animation).
// Every spec reads the plan through SparsePlan: a missing section gives an `empty` spec, never a throw.
import type { ChartConfiguration } from "chart.js";
import type { DecisionPlan } from "~/domain/plan-types";
import type { Locale } from "~/domain/scenario";
import { formatMoneyCompact, formatNumber, moneyScale, scaled } from "~/present/format";
import { assumptionLabel } from "~/i18n/assumption-labels";
import { COST_CATEGORY_LABELS, DIMENSION_LABELS } from "~/i18n/enums";
import { CHART_TEXT, tr } from "~/report/labels";
import { isNum, list, planCurrency, sparse, type SparsePlan } from "~/report/sparse-plan";

export const CHART_IDS = ["radar", "gantt", "cost", "cashflow", "tornado"] as const;
export type ChartId = (typeof CHART_IDS)[number];

export type ChartSpecConfig =
  | ChartConfiguration<"radar", (number | null)[], string>
  | ChartConfiguration<"bar", ([number, number] | number | null)[], string>
  | ChartConfiguration<"line", (number | null)[], string>;

export interface ChartSpec {
  id: ChartId;
  title: string;
  /** Text alternative for screen readers (and the figure caption in the PDF). */
  alt: string;
  /** True when the plan has no data for this chart yet; `config` is then a valid but empty chart. */
  empty: boolean;
  config: ChartSpecConfig;
}

/** Colour-blind-safe palette (Okabe–Ito), the same on screen and on paper. */
export const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"] as const;
const BAND_FILL = "rgba(0,114,178,0.15)";
const GRID_TEXT = "#333333";

/** Most drivers a tornado shows: more bars than this stop being readable on a page. */
export const TORNADO_MAX_ROWS = 8;

function baseOptions(title: string) {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false as const,
    plugins: {
      title: { display: true, text: title, color: GRID_TEXT, font: { size: 14, weight: "bold" as const } },
      legend: { display: true, position: "bottom" as const, labels: { color: GRID_TEXT } },
    },
  };
}


// ───────────────────────── radar ─────────────────────────

export function radarSpec(plan: DecisionPlan | SparsePlan, locale: Locale): ChartSpec {
  const p = sparse(plan);
  const dims = list(p.feasibility?.dimensions).filter((d) => d && isNum(d.score));
  const labels = dims.map((d) => tr(d.label as { zh: string; en: string } | undefined, locale, tr(DIMENSION_LABELS[d.id ?? ""], locale, d.id ?? "")));
  const scores = dims.map((d) => Math.round(d.score as number));
  const title = tr(CHART_TEXT.radarTitle, locale);
  const alt =
    dims.length === 0
      ? `${title}: ${tr(CHART_TEXT.noData, locale)}`
      : locale === "zh"
        ? `雷达图，${dims.length} 个维度的得分（满分 100）：${labels.map((l, i) => `${l} ${scores[i]}`).join("，")}。`
        : `Radar chart of ${dims.length} dimension scores out of 100: ${labels.map((l, i) => `${l} ${scores[i]}`).join(", ")}.`;
  return {
    id: "radar",
    title,
    alt,
    empty: dims.length === 0,
    config: {
      type: "radar",
      data: {
        labels,
        datasets: [
          {
            label: tr(CHART_TEXT.radarDataset, locale),
            data: scores,
            borderColor: PALETTE[0],
            backgroundColor: "rgba(0,114,178,0.2)",
            pointBackgroundColor: PALETTE[0],
            borderWidth: 2,
          },
        ],
      },
      options: {
        ...baseOptions(title),
        scales: { r: { min: 0, max: 100, ticks: { stepSize: 20, color: GRID_TEXT }, pointLabels: { color: GRID_TEXT, font: { size: 12 } } } },
      },
    },
  };
}

// ───────────────────────── Gantt ─────────────────────────

export function ganttSpec(plan: DecisionPlan | SparsePlan, locale: Locale): ChartSpec {
  const p = sparse(plan);
  const phases = list(p.timeline?.phases).filter((ph) => ph && isNum(ph.startWeek) && isNum(ph.weeks));
  const labels = phases.map((ph) => tr(ph.nameText as { zh: string; en: string } | undefined, locale, ph.name ?? ph.id ?? ""));
  const bars = phases.map((ph) => [ph.startWeek as number, (ph.startWeek as number) + (ph.weeks as number)] as [number, number]);
  const totalWeeks = Math.max(isNum(p.timeline?.totalWeeks) ? p.timeline.totalWeeks : 0, ...bars.map((b) => b[1]), 1);
  const title = tr(CHART_TEXT.ganttTitle, locale);
  const ongoing = tr(CHART_TEXT.ganttOngoing, locale);
  const describe = (i: number) => {
    const [a, b] = bars[i];
    const more = phases[i].ongoing ? (locale === "zh" ? `（${ongoing}）` : ` (${ongoing.toLowerCase()})`) : "";
    return locale === "zh" ? `${labels[i]}：第 ${a}–${b} 周${more}` : `${labels[i]}: weeks ${a}–${b}${more}`;
  };
  const launch = p.timeline?.launchWeek;
  const alt =
    phases.length === 0
      ? `${title}: ${tr(CHART_TEXT.noData, locale)}`
      : locale === "zh"
        ? `甘特图，共 ${phases.length} 个阶段，历时 ${formatNumber(totalWeeks, locale)} 周${isNum(launch) ? `，第 ${launch} 周上线第一个版本` : ""}。${phases.map((_, i) => describe(i)).join("；")}。`
        : `Gantt chart of ${phases.length} phases over ${formatNumber(totalWeeks, locale)} weeks${isNum(launch) ? `; the first version goes live in week ${launch}` : ""}. ${phases.map((_, i) => describe(i)).join("; ")}.`;
  return {
    id: "gantt",
    title,
    alt,
    empty: phases.length === 0,
    config: {
      type: "bar",
      data: {
        labels,
        datasets: [
          {
            label: tr(CHART_TEXT.ganttDataset, locale),
            data: bars,
            backgroundColor: phases.map((ph, i) => (ph.ongoing ? "rgba(0,158,115,0.45)" : PALETTE[i % 6])),
            borderColor: phases.map((ph, i) => (ph.ongoing ? PALETTE[2] : PALETTE[i % 6])),
            borderWidth: 1,
            borderSkipped: false,
            grouped: false,
            barPercentage: 0.7,
          },
        ],
      },
      options: {
        ...baseOptions(title),
        indexAxis: "y",
        plugins: { ...baseOptions(title).plugins, legend: { display: false } },
        scales: {
          x: { min: 0, max: Math.ceil(totalWeeks), title: { display: true, text: tr(CHART_TEXT.ganttAxis, locale), color: GRID_TEXT }, ticks: { color: GRID_TEXT, stepSize: totalWeeks > 40 ? 4 : totalWeeks > 16 ? 2 : 1 } },
          y: { ticks: { color: GRID_TEXT, autoSkip: false } },
        },
      },
    },
  };
}

// ───────────────────────── cost breakdown ─────────────────────────

/** Months of running cost the breakdown shows beside the one-off build cost (matches `cost.firstYearTotal`). */
export const RUNNING_MONTHS_SHOWN = 12;

export function costSpec(plan: DecisionPlan | SparsePlan, locale: Locale): ChartSpec {
  const p = sparse(plan);
  const currency = planCurrency(p, locale);
  const cats = list(p.cost?.byCategory).filter((c) => c && (isNum(c.oneOff) || isNum(c.monthly)));
  const oneOff = cats.map((c) => (isNum(c.oneOff) ? c.oneOff : 0));
  const running = cats.map((c) => (isNum(c.monthly) ? c.monthly * RUNNING_MONTHS_SHOWN : 0));
  const hasData = cats.length > 0 && [...oneOff, ...running].some((v) => v > 0);
  const scale = moneyScale(Math.max(oneOff.reduce((a, b) => a + b, 0), running.reduce((a, b) => a + b, 0), 0), currency, locale);
  const catLabel = (c: (typeof cats)[number]) => tr(c.label as { zh: string; en: string } | undefined, locale, tr(COST_CATEGORY_LABELS[c.category ?? "other"], locale, c.category ?? ""));
  const title = tr(CHART_TEXT.costTitle, locale);
  const money = (v: number) => formatMoneyCompact(v, currency, locale);
  const oneOffTotal = isNum(p.cost?.oneOffTotal) ? p.cost.oneOffTotal : oneOff.reduce((a, b) => a + b, 0);
  const monthlyTotal = isNum(p.cost?.monthlyTotal) ? p.cost.monthlyTotal : running.reduce((a, b) => a + b, 0) / RUNNING_MONTHS_SHOWN;
  const parts = cats.map((c, i) => `${catLabel(c)} ${money(oneOff[i])} + ${money(running[i] / RUNNING_MONTHS_SHOWN)}${locale === "zh" ? "/月" : "/month"}`);
  const alt = !hasData
    ? `${title}: ${tr(CHART_TEXT.noData, locale)}`
    : locale === "zh"
      ? `堆叠柱状图：一次性投入 ${money(oneOffTotal)}，上线后每月运行成本 ${money(monthlyTotal)}。按类别：${parts.join("；")}。`
      : `Stacked bar chart: one-off cost ${money(oneOffTotal)}, running cost ${money(monthlyTotal)} a month after launch. By category: ${parts.join("; ")}.`;
  return {
    id: "cost",
    title,
    alt,
    empty: !hasData,
    config: {
      type: "bar",
      data: {
        labels: [tr(CHART_TEXT.costOneOff, locale), tr(CHART_TEXT.costRunning, locale)],
        datasets: cats.map((c, i) => ({
          label: catLabel(c),
          data: [scaled(oneOff[i], scale), scaled(running[i], scale)],
          backgroundColor: PALETTE[i % PALETTE.length],
          stack: "cost",
        })),
      },
      options: {
        ...baseOptions(title),
        scales: {
          x: { stacked: true, ticks: { color: GRID_TEXT } },
          y: { stacked: true, beginAtZero: true, title: { display: true, text: scale.unit, color: GRID_TEXT }, ticks: { color: GRID_TEXT } },
        },
      },
    },
  };
}

// ───────────────────────── cumulative cash flow ─────────────────────────

export function cashFlowSpec(plan: DecisionPlan | SparsePlan, locale: Locale): ChartSpec {
  const p = sparse(plan);
  const currency = planCurrency(p, locale);
  const months = list(p.finance?.months).filter((m) => m && isNum(m.month) && isNum(m.cumulative));
  const band = list(p.finance?.ranges?.cumulative).filter((b) => b && isNum(b.month) && isNum(b.p10) && isNum(b.p90));
  const monthNumbers = [...new Set([...months.map((m) => m.month as number), ...band.map((b) => b.month as number)])].sort((a, b) => a - b);
  const index = new Map(monthNumbers.map((m, i) => [m, i]));
  const series = (pairs: [number, number][]) => {
    const out: (number | null)[] = monthNumbers.map(() => null);
    for (const [m, v] of pairs) out[index.get(m) as number] = v;
    return out;
  };
  const all = [...months.map((m) => m.cumulative as number), ...band.flatMap((b) => [b.p10 as number, b.p90 as number])];
  const scale = moneyScale(Math.max(0, ...all.map(Math.abs)), currency, locale);
  const title = tr(CHART_TEXT.cashTitle, locale);
  const be = p.finance?.breakEvenMonth;
  const beBand = p.finance?.ranges?.breakEvenMonth;
  const beAt = isNum(be) ? months.find((m) => m.month === be) : undefined;
  const datasets: ChartConfiguration<"line", (number | null)[], string>["data"]["datasets"] = [];
  if (band.length > 0) {
    datasets.push(
      {
        label: tr(CHART_TEXT.cashP10, locale),
        data: series(band.map((b) => [b.month as number, scaled(b.p10 as number, scale)])),
        borderColor: "rgba(0,114,178,0.5)",
        borderDash: [4, 3],
        borderWidth: 1,
        pointRadius: 0,
        fill: false,
      },
      {
        label: tr(CHART_TEXT.cashP90, locale),
        data: series(band.map((b) => [b.month as number, scaled(b.p90 as number, scale)])),
        borderColor: "rgba(0,114,178,0.5)",
        borderDash: [4, 3],
        borderWidth: 1,
        pointRadius: 0,
        backgroundColor: BAND_FILL,
        // Fill down to the P10 line drawn just before: the P10–P90 band.
        fill: "-1",
      },
    );
  }
  if (months.length > 0) {
    datasets.push({
      label: tr(CHART_TEXT.cashCumulative, locale),
      data: series(months.map((m) => [m.month as number, scaled(m.cumulative as number, scale)])),
      borderColor: PALETTE[0],
      backgroundColor: PALETTE[0],
      borderWidth: 2,
      pointRadius: 0,
      fill: false,
    });
  }
  if (beAt) {
    datasets.push({
      label: `${tr(CHART_TEXT.cashBreakEven, locale)} (M${be})`,
      data: series([[be as number, scaled(beAt.cumulative as number, scale)]]),
      borderColor: PALETTE[3],
      backgroundColor: PALETTE[3],
      pointRadius: 7,
      pointStyle: "rectRot",
      showLine: false,
      fill: false,
    });
  }
  const money = (v: number) => formatMoneyCompact(v, currency, locale);
  const last = months[months.length - 1];
  const rangeText = (zh: boolean) => {
    if (!beBand) return "";
    const f = (v: number | null | undefined) => (isNum(v) ? String(v) : zh ? "期内未回本" : "none in horizon");
    return zh ? `（P10–P90：第 ${f(beBand.p10)}–${f(beBand.p90)} 月）` : ` (P10–P90: month ${f(beBand.p10)}–${f(beBand.p90)})`;
  };
  const trough = months.length ? Math.min(...months.map((m) => m.cumulative as number)) : 0;
  const alt =
    months.length === 0
      ? `${title}: ${tr(CHART_TEXT.noData, locale)}`
      : locale === "zh"
        ? `折线图：${months.length} 个月的累计现金流，最低点 ${money(trough)}，第 ${last.month} 月为 ${money(last.cumulative as number)}。${isNum(be) ? `第 ${be} 月实现盈亏平衡${rangeText(true)}。` : "在预测期内未实现盈亏平衡。"}${band.length ? "阴影带为蒙特卡洛模拟的 P10–P90 区间。" : ""}`
        : `Line chart of cumulative cash flow over ${months.length} months: lowest point ${money(trough)}, ${money(last.cumulative as number)} by month ${last.month}. ${isNum(be) ? `Breaks even in month ${be}${rangeText(false)}.` : "Does not break even within the horizon."}${band.length ? " The shaded band is the P10–P90 range from the Monte Carlo simulation." : ""}`;
  return {
    id: "cashflow",
    title,
    alt,
    empty: months.length === 0,
    config: {
      type: "line",
      data: { labels: monthNumbers.map((m) => String(m)), datasets },
      options: {
        ...baseOptions(title),
        scales: {
          x: { title: { display: true, text: tr(CHART_TEXT.cashAxisX, locale), color: GRID_TEXT }, ticks: { color: GRID_TEXT, maxTicksLimit: 13 } },
          y: { ...zeroAxis(all.map((v) => scaled(v, scale))), title: { display: true, text: scale.unit, color: GRID_TEXT } },
        },
      },
    },
  };
}

const GRID_LINE = "rgba(0,0,0,0.1)";
const ZERO_LINE = "#666666";

/**
 * A y axis whose ticks are fixed in the spec (min, max, step), so the index of the zero tick is known and its grid
 * line can be drawn darker with plain arrays: the zero line without a dataset (which would show in the legend) and
 * without a scriptable function (which would not survive JSON to the PDF renderer).
 */
export function zeroAxis(values: number[]) {
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const step = niceStep((hi - lo || 1) / 6);
  const min = Math.floor(lo / step - 1e-9) * step;
  const max = Math.ceil(hi / step + 1e-9) * step;
  const count = Math.round((max - min) / step) + 1;
  const zeroIndex = Math.round(-min / step);
  const color = Array.from({ length: count }, (_, i) => (i === zeroIndex ? ZERO_LINE : GRID_LINE));
  const lineWidth = Array.from({ length: count }, (_, i) => (i === zeroIndex ? 2 : 1));
  const fix = (x: number) => {
    const r = Number(x.toPrecision(12));
    return r === 0 ? 0 : r;
  };
  return {
    min: fix(min),
    max: fix(max),
    ticks: { color: GRID_TEXT, stepSize: fix(step), autoSkip: false, maxTicksLimit: count + 1 },
    grid: { color, lineWidth },
  };
}

/** 1, 2, 2.5 or 5 times a power of ten, at least `raw`. */
function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = [1, 2, 2.5, 5, 10].find((x) => x * p >= raw - 1e-12) ?? 10;
  return Number((m * p).toPrecision(12));
}

// ───────────────────────── sensitivity tornado ─────────────────────────

export function tornadoSpec(plan: DecisionPlan | SparsePlan, locale: Locale): ChartSpec {
  const p = sparse(plan);
  const currency = planCurrency(p, locale);
  const rows = list(p.finance?.sensitivity)
    .filter((r) => r && isNum(r.npvLow) && isNum(r.npvHigh))
    .map((r) => ({ ...r, effect: isNum(r.effect) ? r.effect : Math.abs((r.npvHigh as number) - (r.npvLow as number)) }))
    .sort((a, b) => b.effect - a.effect)
    .slice(0, TORNADO_MAX_ROWS);
  const baseNpv = isNum(p.finance?.npv) ? p.finance.npv : rows.length ? ((rows[0].npvLow as number) + (rows[0].npvHigh as number)) / 2 : 0;
  const scale = moneyScale(Math.max(Math.abs(baseNpv), ...rows.flatMap((r) => [Math.abs(r.npvLow as number), Math.abs(r.npvHigh as number)])), currency, locale);
  const labels = rows.map((r) => assumptionLabel(r.key ?? "", locale, r.label as { zh: string; en: string } | undefined));
  const title = tr(CHART_TEXT.tornadoTitle, locale);
  const money = (v: number) => formatMoneyCompact(v, currency, locale);
  const alt =
    rows.length === 0
      ? `${title}: ${tr(CHART_TEXT.noData, locale)}`
      : locale === "zh"
        ? `龙卷风图：基准净现值 ${money(baseNpv)}。${rows.map((r, i) => `${labels[i]} −20% 时 ${money(r.npvLow as number)}，+20% 时 ${money(r.npvHigh as number)}`).join("；")}。`
        : `Tornado chart around a base NPV of ${money(baseNpv)}. ${rows.map((r, i) => `${labels[i]}: ${money(r.npvLow as number)} at −20%, ${money(r.npvHigh as number)} at +20%`).join("; ")}.`;
  const base = scaled(baseNpv, scale);
  return {
    id: "tornado",
    title,
    alt,
    empty: rows.length === 0,
    config: {
      type: "bar",
      data: {
        labels,
        datasets: [
          {
            label: tr(CHART_TEXT.tornadoLow, locale),
            data: rows.map((r) => [base, scaled(r.npvLow as number, scale)] as [number, number]),
            backgroundColor: PALETTE[3],
            grouped: false,
            borderSkipped: false,
          },
          {
            label: tr(CHART_TEXT.tornadoHigh, locale),
            data: rows.map((r) => [base, scaled(r.npvHigh as number, scale)] as [number, number]),
            backgroundColor: PALETTE[0],
            grouped: false,
            borderSkipped: false,
          },
        ],
      },
      options: {
        ...baseOptions(title),
        indexAxis: "y",
        scales: {
          x: { title: { display: true, text: `${tr(CHART_TEXT.tornadoAxis, locale)} (${scale.unit})`, color: GRID_TEXT }, ticks: { color: GRID_TEXT } },
          y: { ticks: { color: GRID_TEXT, autoSkip: false } },
        },
      },
    },
  };
}

/** All five, in the order the plan page and the PDF show them. */
export function buildChartSpecs(plan: DecisionPlan | SparsePlan, locale: Locale): Record<ChartId, ChartSpec> {
  return {
    radar: radarSpec(plan, locale),
    gantt: ganttSpec(plan, locale),
    cost: costSpec(plan, locale),
    cashflow: cashFlowSpec(plan, locale),
    tornado: tornadoSpec(plan, locale),
  };
}
