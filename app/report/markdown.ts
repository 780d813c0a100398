// PLACEHOLDER (being replaced by the report model): a minimal memo.
import type { DecisionPlan } from "~/domain/plan-types";
import type { Locale } from "~/domain/scenario";

export function renderPlanMarkdown(plan: DecisionPlan, _locale: Locale): string {
  return `# ${plan.title}\n\n${plan.feasibility.verdict} · ${plan.feasibility.grade} · ${plan.feasibility.score}\n`;
}
