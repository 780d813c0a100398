import type { ChartContext } from "~/present/charts/context";
import { baseOptions, GRID_TEXT, PALETTE, type ChartSpec } from "~/present/charts/spec";

export function ganttSpec({ plan, t, f }: ChartContext): ChartSpec {
  const phases = plan.timeline.phases;
  const labels = phases.map((ph) => t.pick(ph.nameText, ph.name));
  const bars = phases.map((ph) => [ph.startWeek, ph.startWeek + ph.weeks] as [number, number]);
  const totalWeeks = Math.max(plan.timeline.totalWeeks, ...bars.map((b) => b[1]), 1);
  const title = t("chart.ganttTitle");
  const describe = (i: number) =>
    t("chart.gantt.phase", { name: labels[i], a: f.num(bars[i][0]), b: f.num(bars[i][1]) }) +
    (phases[i].ongoing ? t("chart.gantt.ongoingSuffix") : "");
  const alt =
    phases.length === 0
      ? `${title}: ${t("chart.noData")}`
      : t("chart.gantt.alt", {
          n: phases.length,
          weeks: f.num(totalWeeks),
          launch: f.num(plan.timeline.launchWeek),
          list: t.list(phases.map((_, i) => describe(i))),
        });
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
            label: t("chart.ganttDataset"),
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
          x: {
            min: 0,
            max: Math.ceil(totalWeeks),
            title: { display: true, text: t("chart.ganttAxis"), color: GRID_TEXT },
            ticks: { color: GRID_TEXT, stepSize: totalWeeks > 40 ? 4 : totalWeeks > 16 ? 2 : 1 },
          },
          y: { ticks: { color: GRID_TEXT, autoSkip: false } },
        },
      },
    },
  };
}
