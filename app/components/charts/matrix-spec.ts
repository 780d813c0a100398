// The workshop chart: each scenario placed by feasibility (overall score) and value (the value dimension score).
// Pure and JSON-safe like the report's chart specs, so it renders the same way wherever it is drawn.
import type { ChartConfiguration } from "chart.js";
import type { Locale } from "~/domain/scenario";
import type { DecisionPlan } from "~/domain/plan-types";
import { translator } from "~/i18n/translate";
import { PALETTE, type ChartSpec } from "~/present/charts/spec";

export interface MatrixPoint {
  title: string;
  feasibility: number | null;
  value: number | null;
}

export function matrixPoint(title: string, plan: DecisionPlan): MatrixPoint {
  const value = plan.feasibility.dimensions.find((d) => d.id === "value")?.score;
  return { title, feasibility: plan.feasibility.score, value: value ?? null };
}

export function matrixSpec(points: MatrixPoint[], locale: Locale, text: { title: string; x: string; y: string }): ChartSpec {
  const t = translator(locale);
  const placed = points.filter((p) => p.feasibility !== null && p.value !== null);
  const round = (v: number | null) => (v === null ? "—" : String(Math.round(v)));
  const alt =
    placed.length === 0
      ? text.title
      : t("compare.matrix.altFull", { list: points.map((p) => t("compare.matrix.point", { title: p.title, x: round(p.feasibility), y: round(p.value) })).join(t("list.separator")) });
  const config: ChartConfiguration<"scatter", { x: number; y: number }[], string> = {
    type: "scatter",
    data: {
      labels: placed.map((p) => p.title),
      datasets: placed.map((p, i) => ({
        label: p.title,
        data: [{ x: Math.round(p.feasibility as number), y: Math.round(p.value as number) }],
        backgroundColor: PALETTE[i % PALETTE.length],
        borderColor: PALETTE[i % PALETTE.length],
        pointRadius: 9,
        pointHoverRadius: 11,
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        title: { display: true, text: text.title, font: { size: 14, weight: "bold" } },
        legend: { display: true, position: "bottom" },
      },
      scales: {
        x: { min: 0, max: 100, title: { display: true, text: text.x }, ticks: { stepSize: 25 }, grid: { color: (c) => (c.tick?.value === 50 ? "#888888" : "#e5e5e5") } },
        y: { min: 0, max: 100, title: { display: true, text: text.y }, ticks: { stepSize: 25 }, grid: { color: (c) => (c.tick?.value === 50 ? "#888888" : "#e5e5e5") } },
      },
    },
  };
  return { id: "matrix", title: text.title, alt, empty: placed.length === 0, config: config as unknown as ChartSpec["config"] };
}
