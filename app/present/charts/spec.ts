// Chart specs: plain chart.js configurations with no functions inside, so a spec survives JSON (loader data, a PDF
// worker) and draws the same on the page (react-chartjs-2), on the server (@napi-rs/canvas, for the PDF and the
// no-JavaScript images). Money axes are pre-scaled (万元, k USD) with the unit in the axis title, because tick
// callbacks cannot be serialised.
import type { ChartConfiguration } from "chart.js";

export const CHART_IDS = ["radar", "gantt", "cost", "cashflow", "tornado"] as const;
export type ChartId = (typeof CHART_IDS)[number];

export type ChartSpecConfig =
  | ChartConfiguration<"radar", (number | null)[], string>
  | ChartConfiguration<"bar", ([number, number] | number | null)[], string>
  | ChartConfiguration<"line", (number | null)[], string>
  | ChartConfiguration<"scatter", { x: number; y: number }[], string>
  | ChartConfiguration<"bubble", { x: number; y: number; r: number }[], string>;

export interface ChartSpec {
  id: string;
  title: string;
  /** Text alternative for screen readers, the figure caption, and the words when no image can be drawn. */
  alt: string;
  /** True when the plan has no data for this chart; `config` is then a valid but empty chart. */
  empty: boolean;
  config: ChartSpecConfig;
}

/** Colour-blind-safe palette (Okabe–Ito), the same on screen and on paper. */
export const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"] as const;
export const GRID_TEXT = "#333333";

export function baseOptions(title: string) {
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
