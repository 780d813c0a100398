import type { ChartConfiguration } from "chart.js";
import { zeroAxis } from "~/present/charts/axis";
import type { ChartContext } from "~/present/charts/context";
import { baseOptions, GRID_TEXT, PALETTE, type ChartSpec } from "~/present/charts/spec";
import { moneyScale, scaled } from "~/present/format";

const BAND_FILL = "rgba(0,114,178,0.15)";

/**
 * The y axis spans the base case and the pessimistic edge (the downside a decision must survive), and the optimistic
 * edge only up to the base case's own span above it: a P90 far above would otherwise flatten the base case along
 * zero. What lies above the chart is said in the text alternative.
 */
export function cashFlowRange(base: number[], p10: number[], p90: number[]): { lo: number; hi: number; clipped: boolean } {
  const lo = Math.min(0, ...base, ...p10);
  const top = Math.max(0, ...base);
  const cap = top + Math.max(top - lo, 1);
  const p90Top = Math.max(top, ...p90);
  return p90Top > cap ? { lo, hi: cap, clipped: true } : { lo, hi: p90Top, clipped: false };
}

export function cashFlowSpec({ plan, t, f, locale, currency }: ChartContext): ChartSpec {
  const fin = plan.finance;
  const months = fin.months;
  const band = fin.ranges.cumulative;
  const monthNumbers = [...new Set([...months.map((m) => m.month), ...band.map((b) => b.month)])].sort((a, b) => a - b);
  const index = new Map(monthNumbers.map((m, i) => [m, i]));
  const series = (pairs: [number, number][]) => {
    const out: (number | null)[] = monthNumbers.map(() => null);
    for (const [m, v] of pairs) out[index.get(m) as number] = v;
    return out;
  };
  const range = cashFlowRange(
    months.map((m) => m.cumulative),
    band.map((b) => b.p10),
    band.map((b) => b.p90),
  );
  const scale = moneyScale(Math.max(Math.abs(range.lo), Math.abs(range.hi)), currency, locale);
  const title = t("chart.cashTitle");
  const be = fin.breakEvenMonth;
  const beAt = be === null ? undefined : months.find((m) => m.month === be);
  const datasets: ChartConfiguration<"line", (number | null)[], string>["data"]["datasets"] = [];
  if (band.length > 0) {
    datasets.push(
      {
        label: t("chart.cashP10"),
        data: series(band.map((b) => [b.month, scaled(b.p10, scale)])),
        borderColor: "rgba(0,114,178,0.5)",
        borderDash: [4, 3],
        borderWidth: 1,
        pointRadius: 0,
        fill: false,
      },
      // Fill down to the P10 line drawn just before: the P10–P90 band.
      {
        label: t("chart.cashP90"),
        data: series(band.map((b) => [b.month, scaled(b.p90, scale)])),
        borderColor: "rgba(0,114,178,0.5)",
        borderDash: [4, 3],
        borderWidth: 1,
        pointRadius: 0,
        backgroundColor: BAND_FILL,
        fill: "-1",
      },
    );
  }
  if (months.length > 0) {
    datasets.push({
      label: t("chart.cashCumulative"),
      data: series(months.map((m) => [m.month, scaled(m.cumulative, scale)])),
      borderColor: PALETTE[0],
      backgroundColor: PALETTE[0],
      borderWidth: 2.5,
      pointRadius: 0,
      fill: false,
    });
  }
  if (beAt && be !== null) {
    datasets.push({
      label: t("chart.cash.breakEvenLabel", { m: be }),
      data: series([[be, scaled(beAt.cumulative, scale)]]),
      borderColor: PALETTE[3],
      backgroundColor: PALETTE[3],
      pointRadius: 7,
      pointStyle: "rectRot",
      showLine: false,
      fill: false,
    });
  }
  const alt = months.length === 0 ? `${title}: ${t("chart.noData")}` : cashFlowAlt({ plan, t, f, locale, currency }, range.clipped);
  const axis = zeroAxis([scaled(range.lo, scale), scaled(range.hi, scale)]);
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
          x: { title: { display: true, text: t("chart.cashAxisX"), color: GRID_TEXT }, ticks: { color: GRID_TEXT, maxTicksLimit: 13 } },
          y: { ...axis, title: { display: true, text: scale.unit, color: GRID_TEXT } },
        },
      },
    },
  };
}

function cashFlowAlt({ plan, t, f }: ChartContext, clipped: boolean): string {
  const fin = plan.finance;
  const months = fin.months;
  const last = months[months.length - 1];
  const trough = Math.min(...months.map((m) => m.cumulative));
  const parts = [
    t("chart.cash.alt", { n: months.length, low: f.moneyCompact(trough), last: f.moneyCompact(last.cumulative), month: last.month }),
  ];
  parts.push(breakEvenSentence(plan, t));
  const band = fin.ranges.cumulative;
  if (band.length) {
    parts.push(t("chart.cash.band"));
    const top = band[band.length - 1];
    if (clipped) parts.push(t("chart.cash.clipped", { v: f.moneyCompact(top.p90), m: top.month }));
  }
  return parts.join(" ");
}

/** The break-even month with its P10–P90 range; an end past the horizon is said in words, not put in the number's place. */
function breakEvenSentence(plan: ChartContext["plan"], t: ChartContext["t"]): string {
  const fin = plan.finance;
  if (fin.breakEvenMonth === null) return t("chart.cash.noBreakEven");
  const ends = [fin.ranges.breakEvenMonth.p10, fin.ranges.breakEvenMonth.p90].filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (ends.length === 2) return t("chart.cash.breaksEven", { m: fin.breakEvenMonth, a: ends[0], b: ends[1] });
  if (ends.length === 1) return t("chart.cash.breaksEvenOpen", { m: fin.breakEvenMonth, a: ends[0] });
  return t("chart.cash.breaksEvenWide", { m: fin.breakEvenMonth });
}
