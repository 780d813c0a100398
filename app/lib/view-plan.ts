import type { DecisionPlan } from "~/domain/plan-types";
import type { Locale } from "~/domain/scenario";
import { buildChartSpecs, type ChartId, type ChartSpec } from "~/report/chart-specs";

/**
 * The plan as the page needs it: without the rule trace (every rule evaluated, fired or not), which the page does
 * not show and which is a third of the plan's size. The JSON export keeps the full plan.
 */
export function planForView(plan: DecisionPlan): DecisionPlan {
  return { ...plan, feasibility: { ...plan.feasibility, trace: [] } };
}

const CHART_CACHE_MAX = 256;
const chartCache = new Map<string, Record<ChartId, ChartSpec>>();

/** Chart specs of an immutable version, built once per (scenario, version, locale). */
export function chartsForVersion(key: string, plan: DecisionPlan, locale: Locale): Record<ChartId, ChartSpec> {
  const k = `${key}\n${locale}`;
  let charts = chartCache.get(k);
  if (!charts) {
    charts = buildChartSpecs(plan, locale);
    chartCache.set(k, charts);
    if (chartCache.size > CHART_CACHE_MAX) chartCache.delete(chartCache.keys().next().value as string);
  }
  return charts;
}
