import type { ChartContext } from "~/present/charts/context";
import { baseOptions, GRID_TEXT, PALETTE, type ChartSpec } from "~/present/charts/spec";
import { moneyScale, scaled } from "~/present/format";
import { sensitivityGroups } from "~/present/sensitivity";

/** Most drivers a tornado shows: more bars than this stop being readable on a page. */
export const TORNADO_MAX_ROWS = 8;

export function tornadoSpec({ plan, t, f, locale, currency }: ChartContext): ChartSpec {
  const rows = sensitivityGroups(plan, t).slice(0, TORNADO_MAX_ROWS);
  const baseNpv = plan.finance.npv;
  const scale = moneyScale(
    Math.max(Math.abs(baseNpv), ...rows.flatMap((r) => [Math.abs(r.npvLow), Math.abs(r.npvHigh)])),
    currency,
    locale,
  );
  const labels = rows.map((r) => r.label);
  const title = t("chart.tornadoTitle");
  const alt =
    rows.length === 0
      ? `${title}: ${t("chart.noData")}`
      : t("chart.tornado.alt", {
          base: f.moneyCompact(baseNpv),
          list: t.list(
            rows.map((r, i) =>
              t("chart.tornado.part", { label: labels[i], low: f.moneyCompact(r.npvLow), high: f.moneyCompact(r.npvHigh) }),
            ),
          ),
        });
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
            label: t("chart.tornadoLow"),
            data: rows.map((r) => [base, scaled(r.npvLow, scale)] as [number, number]),
            backgroundColor: PALETTE[3],
            grouped: false,
            borderSkipped: false,
          },
          {
            label: t("chart.tornadoHigh"),
            data: rows.map((r) => [base, scaled(r.npvHigh, scale)] as [number, number]),
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
          x: { title: { display: true, text: `${t("chart.tornadoAxis")} (${scale.unit})`, color: GRID_TEXT }, ticks: { color: GRID_TEXT } },
          y: { ticks: { color: GRID_TEXT, autoSkip: false } },
        },
      },
    },
  };
}
