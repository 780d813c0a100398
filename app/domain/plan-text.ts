// A plan as the plan pool hands it back to the event loop (ADR 0053): its JSON text, which is what a save stores and
// POST /api/plan sends, and the few fields a save also writes as columns. The thread that computed the plan writes the
// text; the loop then neither rebuilds the ~90 KB object from the thread's message (~1.3 ms) nor writes it out again
// (~0.7 ms) for every save and preview. JSON.stringify of the plan object gives the same text.
import type { Grade, Tier, Verdict } from "~/domain/engine/types";
import type { DecisionPlan } from "~/domain/plan-types";

export interface PlanText {
  /** JSON.stringify(plan). */
  readonly json: string;
  readonly title: string;
  readonly verdict: Verdict;
  readonly grade: Grade;
  readonly score: number;
  readonly primaryTier: Tier;
}

export function toPlanText(plan: DecisionPlan): PlanText {
  return {
    json: JSON.stringify(plan),
    title: plan.title,
    verdict: plan.feasibility.verdict,
    grade: plan.feasibility.grade,
    score: plan.feasibility.score,
    primaryTier: plan.primaryTier,
  };
}

/** A plan object or its text: the text, written once. */
export function asPlanText(plan: DecisionPlan | PlanText): PlanText {
  return "json" in plan && typeof plan.json === "string" ? (plan as PlanText) : toPlanText(plan as DecisionPlan);
}
