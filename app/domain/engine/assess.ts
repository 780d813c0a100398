// Profile → Assessment: techniques first (lowest tier that works), then the score rules and gates, then the risks.
// Deterministic: rules are data evaluated in file order, and nothing here reads a clock or a random source.
import { buildContext } from "~/domain/engine/facts";
import { selectRisks } from "~/domain/engine/risks";
import { scoreFeasibility } from "~/domain/engine/score";
import { selectTechniques } from "~/domain/engine/select-techniques";
import type { Feasibility, TechniqueChoice, Tier } from "~/domain/engine/types";
import type { Risk } from "~/domain/plan-types";
import type { Profile } from "~/domain/profile/types";

export interface Assessment {
  feasibility: Feasibility;
  techniques: TechniqueChoice[];
  primaryTier: Tier;
  risks: Risk[];
}

export function assess(profile: Profile): Assessment {
  const ctx = buildContext(profile);
  const selection = selectTechniques(ctx, profile.locale.value);
  const feasibility = scoreFeasibility(ctx);
  const { risks, trace } = selectRisks(ctx);
  feasibility.trace.push(...selection.trace, ...trace);
  return { feasibility, techniques: selection.techniques, primaryTier: selection.primaryTier, risks };
}
