import type { DecisionPlan } from "~/domain/plan-types";
import type { Locale } from "~/domain/scenario";
import { BoundedCache } from "~/lib/bounded-cache";
import { buildChartSpecs, type ChartId, type ChartSpec } from "~/report/chart-specs";

/**
 * The plan as the page needs it, smaller to send: without the rule trace (every rule evaluated, fired or not; a
 * third of the plan) and without the monthly series, which reach the page through the chart specs. The page keeps
 * showing everything; the JSON export keeps the full plan.
 */
export function planForView(plan: DecisionPlan): DecisionPlan {
  const finance = plan.finance && plan.finance.ranges ? { ...plan.finance, months: [], ranges: { ...plan.finance.ranges, cumulative: [] } } : plan.finance;
  return { ...plan, feasibility: { ...plan.feasibility, trace: [] }, finance };
}

const CACHE_MAX = 256;
const chartCache = new BoundedCache<Record<ChartId, ChartSpec>>(CACHE_MAX);

/** Chart specs of an immutable version, built once per (scenario, version, locale). */
export function chartsForVersion(key: string, plan: DecisionPlan, locale: Locale): Record<ChartId, ChartSpec> {
  const k = `${key}\n${locale}`;
  return chartCache.get(k) ?? chartCache.set(k, buildChartSpecs(plan, locale));
}

const payloadCache = new BoundedCache<string>(CACHE_MAX);

/**
 * What a page shows of one immutable version, as a JSON string built once per key. The loader sends the string:
 * serialising one string per request is far cheaper than serialising the plan's thousands of values each time.
 */
export async function cachedPayload<T>(key: string, build: () => Promise<T>): Promise<string> {
  const hit = payloadCache.get(key);
  if (hit !== undefined) return hit;
  return payloadCache.set(key, JSON.stringify(await build()));
}
