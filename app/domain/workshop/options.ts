// The figures a workshop compares, read once from each plan: its position on the matrix, its effort and its money in
// the plan's own currency. Everything the compare table, the matrix, the portfolio and the presenter view show comes
// from here, so the four agree.
import type { Grade, Verdict } from "~/domain/engine/types";
import type { DecisionPlan } from "~/domain/plan-types";
import type { Currency } from "~/domain/scenario";
import { feasibilityWithoutValue, valueScore } from "~/domain/workshop/position";

export interface WorkshopOption {
  id: string;
  title: string;
  tags: string[];
  verdict: Verdict;
  grade: Grade;
  /** The overall score (0–100), value included. */
  score: number;
  /** The value dimension (0–100): the matrix's y. */
  value: number | null;
  /** The other dimensions' weighted mean (0–100): the matrix's x. */
  feasibility: number | null;
  tier: 1 | 2 | 3;
  /** Techniques the plan commits to, by id (names are the view's). */
  techniques: { id: string; name: { zh: string; en: string } }[];
  headcount: number | null;
  personWeeks: number | null;
  launchWeek: number | null;
  feedbackPerMonth: number | null;
  breakEvenMonth: number | null;
  horizonMonths: number | null;
  roi: number | null;
  /** The money below is in `currency`; `fx` is the plan's own CNY-per-USD assumption. */
  money: OptionMoney;
}

export interface OptionMoney {
  currency: Currency;
  fx: number | null;
  oneOff: number | null;
  monthly: number | null;
  firstYear: number | null;
  npv: number | null;
}

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** A plan's workshop figures. `title` is the scenario's (it may have been renamed since the plan was computed). */
export function workshopOption(id: string, title: string, plan: DecisionPlan, tags: string[] = []): WorkshopOption {
  const dims = plan.feasibility.dimensions;
  return {
    id,
    title,
    tags,
    verdict: plan.feasibility.verdict,
    grade: plan.feasibility.grade,
    score: plan.feasibility.score,
    value: valueScore(dims),
    feasibility: feasibilityWithoutValue(dims),
    tier: plan.primaryTier,
    techniques: plan.techniques.filter((t) => !(t as { gate?: unknown }).gate).map((t) => ({ id: t.id, name: t.name })),
    headcount: num(plan.team?.headcount),
    personWeeks: num(plan.team?.personWeeks),
    launchWeek: num(plan.timeline?.launchWeek),
    feedbackPerMonth: num(plan.feedback?.perMonth),
    breakEvenMonth: num(plan.finance?.breakEvenMonth),
    horizonMonths: num(plan.finance?.horizonMonths),
    roi: num(plan.finance?.roi),
    money: {
      currency: plan.finance?.currency ?? plan.cost?.currency ?? plan.currency,
      fx: num(plan.finance?.exchangeRateCnyPerUsd),
      oneOff: num(plan.cost?.oneOffTotal),
      monthly: num(plan.cost?.monthlyTotal),
      firstYear: num(plan.cost?.firstYearTotal),
      npv: num(plan.finance?.npv),
    },
  };
}
