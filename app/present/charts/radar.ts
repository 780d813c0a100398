import type { ChartContext } from "~/present/charts/context";
import { baseOptions, GRID_TEXT, PALETTE, type ChartSpec } from "~/present/charts/spec";

export function radarSpec({ plan, t }: ChartContext): ChartSpec {
  const dims = plan.feasibility.dimensions;
  const labels = dims.map((d) => t.pick(d.label, t.label("dimension", d.id)));
  const scores = dims.map((d) => Math.round(d.score));
  const title = t("chart.radarTitle");
  const alt =
    dims.length === 0
      ? `${title}: ${t("chart.noData")}`
      : t("chart.radar.alt", { n: dims.length, list: t.list(labels.map((l, i) => `${l} ${scores[i]}`)) });
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
            label: t("chart.radarDataset"),
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
        scales: {
          r: { min: 0, max: 100, ticks: { stepSize: 20, color: GRID_TEXT }, pointLabels: { color: GRID_TEXT, font: { size: 12 } } },
        },
      },
    },
  };
}
