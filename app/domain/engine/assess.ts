// PLACEHOLDER (being replaced by the rule engine): a neutral assessment with the right shape.
import type { Profile } from "~/domain/profile/types";
import type { Risk } from "~/domain/plan-types";
import type { Feasibility, TechniqueChoice, Tier } from "~/domain/engine/types";

export interface Assessment {
  feasibility: Feasibility;
  techniques: TechniqueChoice[];
  primaryTier: Tier;
  risks: Risk[];
}

export function assess(_profile: Profile): Assessment {
  return {
    feasibility: { score: 50, grade: "C", verdict: "pilot", reasons: [], dimensions: [], trace: [] },
    techniques: [
      {
        id: "prompt_engineering",
        tier: 1,
        why: "Start with prompting.",
        whyText: { zh: "先从提示工程开始。", en: "Start with prompting." },
        triggeredBy: [],
        kind: "llm",
        sources: [],
      },
    ],
    primaryTier: 1,
    risks: [],
  };
}
