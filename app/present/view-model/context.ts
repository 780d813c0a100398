import type { ChartContext } from "~/present/charts/context";
import type { ChartId, ChartSpec } from "~/present/charts/spec";
import type { SensitivityGroup } from "~/present/sensitivity";
import type { SourceList } from "~/present/view-model/sources";
import type { AssumptionItem, Audience } from "~/present/view-model/types";

/** What every section builder reads: the plan, the words and formatters of one language, and what was derived once. */
export interface ViewContext extends ChartContext {
  audience: Audience;
  sources: SourceList;
  charts: Record<ChartId, ChartSpec>;
  /** The money drivers, merged where they move together, weightiest first. */
  drivers: SensitivityGroup[];
  /** Every assumption as the views show it, by key. */
  assumptions: Map<string, AssumptionItem>;
}
