// Where a plan sits on the workshop's value × feasibility matrix. The two axes must be independent: the overall score
// already contains the value dimension (a quarter of its weight), so plotting it against value correlates the axes and
// pushes every option to the top right. Feasibility here is the weighted mean of the OTHER dimensions (data readiness,
// technical fit, risk and compliance, organisational readiness), with the weights of data/rules.json.
import type { DimensionScore } from "~/domain/engine/types";
import { RULES } from "~/domain/kb/rules";

/** The dimension plotted on the value axis. */
export const VALUE_DIMENSION = "value";

type Dim = Pick<DimensionScore, "id" | "score" | "weight">;

/** The value dimension's score (0–100), or null when the plan has none. */
export function valueScore(dimensions: readonly Dim[]): number | null {
  const v = dimensions.find((d) => d.id === VALUE_DIMENSION);
  return v && Number.isFinite(v.score) ? v.score : null;
}

/**
 * Feasibility without value: Σ score × weight / Σ weight over every dimension but value, rounded to one decimal.
 * Null when no other dimension has a score and a positive weight.
 */
export function feasibilityWithoutValue(dimensions: readonly Dim[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const d of dimensions) {
    if (d.id === VALUE_DIMENSION || !Number.isFinite(d.score) || !(d.weight > 0)) continue;
    sum += d.score * d.weight;
    weights += d.weight;
  }
  return weights > 0 ? Math.round((sum / weights) * 10) / 10 : null;
}

export const QUADRANTS = ["quick_win", "big_bet", "fill_in", "deprioritise"] as const;
export type Quadrant = (typeof QUADRANTS)[number];

/**
 * The quadrant lines. `bar`: both at the score a plan needs for "go" (data/rules.json, 68): a fixed meaning — "clears
 * the go bar on this axis by itself". `median`: at the median of the options compared, which always separates them
 * but only relative to each other.
 */
export type SplitMode = "bar" | "median";
export const SPLIT_MODES: readonly SplitMode[] = ["bar", "median"];

export interface Split {
  mode: SplitMode;
  feasibility: number;
  value: number;
}

export const GO_BAR: number = RULES.verdicts.find((v) => v.verdict === "go")?.minScore ?? 68;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The quadrant lines for these positions (median mode falls back to the bar when there is nothing to take it of). */
export function splitFor(mode: SplitMode, positions: readonly { feasibility: number; value: number }[]): Split {
  if (mode === "median" && positions.length > 0) {
    const round = (x: number) => Math.round(x * 10) / 10;
    return { mode, feasibility: round(median(positions.map((p) => p.feasibility))), value: round(median(positions.map((p) => p.value))) };
  }
  return { mode: "bar", feasibility: GO_BAR, value: GO_BAR };
}

/** On a line counts as above it: a plan exactly at the bar clears it. */
export function quadrantOf(p: { feasibility: number; value: number }, split: Pick<Split, "feasibility" | "value">): Quadrant {
  const feasible = p.feasibility >= split.feasibility;
  const valuable = p.value >= split.value;
  if (valuable) return feasible ? "quick_win" : "big_bet";
  return feasible ? "fill_in" : "deprioritise";
}
