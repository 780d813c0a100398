// PLACEHOLDER (being replaced by the estimators): empty estimates with the contract's shape.
import type { Assessment } from "~/domain/engine/assess";
import type { Profile } from "~/domain/profile/types";
import type { Currency, ScenarioInput } from "~/domain/scenario";
import type { Assumption, FeedbackPlan, Finance, Team, Timeline } from "~/domain/estimate/types";

export interface EstimateInput {
  input: ScenarioInput;
  profile: Profile;
  assessment: Assessment;
  currency: Currency;
}

export interface Estimates {
  team: Team;
  timeline: Timeline;
  feedback: FeedbackPlan;
  finance: Finance;
  assumptions: Assumption[];
}

export function estimatePlan({ currency }: EstimateInput): Estimates {
  return {
    team: { roles: [], headcount: 0 },
    timeline: { phases: [], totalWeeks: 0 },
    feedback: { perMonth: 0 },
    finance: { currency, breakEvenMonth: null },
    assumptions: [],
  };
}
