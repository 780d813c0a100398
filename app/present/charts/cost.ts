import type { ChartContext } from "~/present/charts/context";
import { baseOptions, GRID_TEXT, PALETTE, type ChartSpec } from "~/present/charts/spec";
import { moneyScale, scaled } from "~/present/format";

/** Months of running cost the breakdown shows beside the one-off build cost (the plan's `cost.firstYearTotal` spans 12). */
export const RUNNING_MONTHS_SHOWN = 12;

export function costSpec({ plan, t, f, locale, currency }: ChartContext): ChartSpec {
  const cats = plan.cost.byCategory.filter((c) => c.oneOff > 0 || c.monthly > 0);
  const oneOff = cats.map((c) => c.oneOff);
  const running = cats.map((c) => c.monthly * RUNNING_MONTHS_SHOWN);
  const scale = moneyScale(Math.max(plan.cost.oneOffTotal, plan.cost.monthlyTotal * RUNNING_MONTHS_SHOWN, 0), currency, locale);
  const catLabel = (c: (typeof cats)[number]) => t.label("costCategory", c.category);
  const title = t("chart.costTitle");
  const parts = cats.map((c) =>
    t("chart.cost.part", { label: catLabel(c), oneOff: f.moneyCompact(c.oneOff), monthly: f.moneyCompact(c.monthly) }),
  );
  const alt =
    cats.length === 0
      ? `${title}: ${t("chart.noData")}`
      : t("chart.cost.alt", {
          oneOff: f.moneyCompact(plan.cost.oneOffTotal),
          monthly: f.moneyCompact(plan.cost.monthlyTotal),
          list: t.list(parts),
        });
  return {
    id: "cost",
    title,
    alt,
    empty: cats.length === 0,
    config: {
      type: "bar",
      data: {
        labels: [t("chart.costOneOff"), t("chart.costRunning")],
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
          y: {
            stacked: true,
            beginAtZero: true,
            title: { display: true, text: scale.unit, color: GRID_TEXT },
            ticks: { color: GRID_TEXT },
          },
        },
      },
    },
  };
}
