// Profile → Assessment: techniques first (lowest tier that works), then the score rules and gates, then the risks.
// Deterministic: rules are data evaluated in file order, and nothing here reads a clock or a random source.
import { buildContext } from "~/domain/engine/facts";
import { evaluateRegulations, type RegulatoryFinding } from "~/domain/engine/regulations";
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
  /**
   * Uses that regulation forbids or gates here, with the rule each cites (empty when none applies). Always set by
   * assess(); optional only so hand-built assessments in the estimators' fixtures stay valid.
   */
  regulations?: RegulatoryFinding[];
}

const SEVERITY = { high: 0, medium: 1, low: 2 } as const;

export function assess(profile: Profile): Assessment {
  const ctx = buildContext(profile);
  const selection = selectTechniques(ctx, profile.locale.value);
  const regulation = evaluateRegulations(ctx);
  const caps = regulation.findings.flatMap((f) =>
    f.capVerdict ? [{ ruleId: `regulation.${f.id}`, capVerdict: f.capVerdict, text: f.text, source: f.source }] : [],
  );
  const feasibility = scoreFeasibility(ctx, caps);
  const { risks, trace } = selectRisks(ctx);
  // Every regulation that applies is also a risk to manage, with what the rule requires as its mitigation.
  for (const f of regulation.findings) {
    const severity = f.kind === "prohibited" || f.kind === "licence" || f.capVerdict ? "high" : "medium";
    risks.push({ id: `regulation.${f.id}`, text: f.text, mitigation: f.requirement, severity, source: f.source });
  }
  risks.sort((a, b) => SEVERITY[a.severity] - SEVERITY[b.severity]);
  feasibility.trace.push(...selection.trace, ...trace, ...regulation.trace);
  return { feasibility, techniques: selection.techniques, primaryTier: selection.primaryTier, risks, regulations: regulation.findings };
}
