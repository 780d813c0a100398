import type { DecisionPlan } from "~/domain/plan-types";
import type { Locale } from "~/domain/scenario";
import { translator } from "~/i18n/translate";
import { formatters } from "~/present/format";
import type { ChartContext } from "~/present/charts/context";
import { cashFlowSpec } from "~/present/charts/cashflow";
import { costSpec } from "~/present/charts/cost";
import { ganttSpec } from "~/present/charts/gantt";
import { radarSpec } from "~/present/charts/radar";
import type { ChartId, ChartSpec } from "~/present/charts/spec";
import { tornadoSpec } from "~/present/charts/tornado";

/** All five, in the order the plan page and the PDF show them. */
export function buildChartSpecs(ctx: ChartContext): Record<ChartId, ChartSpec> {
  return { radar: radarSpec(ctx), gantt: ganttSpec(ctx), cost: costSpec(ctx), cashflow: cashFlowSpec(ctx), tornado: tornadoSpec(ctx) };
}

/** The five specs of a plan in one language (what the view model carries as `charts`). */
export function chartSpecsFor(plan: DecisionPlan, locale: Locale): Record<ChartId, ChartSpec> {
  const t = translator(locale);
  return buildChartSpecs({ plan, t, f: formatters(locale, plan.currency), locale, currency: plan.currency });
}
