// Risks and their mitigations, chosen by rules in data/rules.json over the same facts (techniques included).
import { evaluateCondition } from "~/domain/engine/conditions";
import type { FactContext } from "~/domain/engine/facts";
import type { RuleTrace } from "~/domain/engine/types";
import type { Risk } from "~/domain/plan-types";
import { RULES } from "~/domain/kb/rules";

const SEVERITY_RANK = { high: 0, medium: 1, low: 2 } as const;

export function selectRisks(ctx: FactContext): { risks: Risk[]; trace: RuleTrace[] } {
  const risks: Risk[] = [];
  const trace: RuleTrace[] = [];
  for (const rule of RULES.risks) {
    const conditions: RuleTrace["conditions"] = [];
    const fired = evaluateCondition(rule.when, ctx, conditions);
    trace.push({ ruleId: `risk.${rule.id}`, fired, conditions, effects: [] });
    if (fired) risks.push({ id: rule.id, text: rule.text, mitigation: rule.mitigation, severity: rule.severity, source: rule.source });
  }
  // Stable sort: most severe first, file order within a severity.
  risks.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  return { risks, trace };
}
