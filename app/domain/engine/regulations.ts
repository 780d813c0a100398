// Uses that regulation forbids or gates, per jurisdiction (data/regulations.json). A rule applies where the product is
// offered (the profile's jurisdictions; a rule with none applies everywhere); a prohibited practice also caps the
// verdict when no market is named at all (`unknownJurisdictionCap`), until the markets are confirmed.
import { evaluateCondition } from "~/domain/engine/conditions";
import type { FactContext } from "~/domain/engine/facts";
import type { RuleTrace, Verdict } from "~/domain/engine/types";
import { REGULATIONS } from "~/domain/kb/regulations";
import type { RegulationRule } from "~/domain/kb/schemas";
import type { LocalizedText } from "~/domain/text";

export interface RegulatoryFinding {
  id: string;
  kind: RegulationRule["kind"];
  /** The jurisdictions of the rule that the product is offered in; empty for a rule that applies everywhere. */
  jurisdictions: string[];
  /** The best verdict this finding allows; absent for an obligation to plan for. */
  capVerdict?: Verdict;
  /** Why it applies and what the rule says, and what to do about it. */
  text: LocalizedText;
  requirement: LocalizedText;
  source: string;
  effective: string;
  /** true when it applies only because the description names no market (a prohibited practice elsewhere). */
  marketUnknown?: boolean;
}

export function evaluateRegulations(ctx: FactContext): { findings: RegulatoryFinding[]; trace: RuleTrace[] } {
  const where = (ctx.get("jurisdictions")?.value as string[] | undefined) ?? [];
  const findings: RegulatoryFinding[] = [];
  const trace: RuleTrace[] = [];
  for (const rule of REGULATIONS.rules) {
    const conditions: RuleTrace["conditions"] = [];
    const matched = evaluateCondition(rule.when, ctx, conditions);
    const here = rule.jurisdictions.filter((j) => where.includes(j));
    const everywhere = rule.jurisdictions.length === 0;
    const unknown = where.length === 0 && rule.unknownJurisdictionCap !== undefined;
    const applies = everywhere || here.length > 0 || unknown;
    conditions.push({
      fact: "jurisdictions",
      operator: everywhere ? "any" : "containsAny",
      expected: rule.jurisdictions,
      actual: where,
      pass: applies,
    });
    const fired = matched && applies;
    const capVerdict = everywhere || here.length > 0 ? rule.capVerdict : rule.unknownJurisdictionCap;
    trace.push({ ruleId: `regulation.${rule.id}`, fired, conditions, effects: [], ...(capVerdict ? { capVerdict } : {}) });
    if (!fired) continue;
    findings.push({
      id: rule.id,
      kind: rule.kind,
      jurisdictions: here,
      ...(capVerdict ? { capVerdict } : {}),
      text: rule.text,
      requirement: rule.requirement,
      source: rule.source,
      effective: rule.effective,
      ...(here.length === 0 && !everywhere ? { marketUnknown: true } : {}),
    });
  }
  return { findings, trace };
}
