// Evaluates a rule's condition tree over the fact context and records every leaf comparison for the trace.
// All leaves are evaluated (no short-circuit) so the trace shows each value the rule looked at.
import type { ConditionTrace } from "~/domain/engine/types";
import type { FactContext } from "~/domain/engine/facts";
import { OPERATORS } from "~/domain/engine/operators";
import type { Condition } from "~/domain/kb/schemas";

export function evaluateCondition(condition: Condition, ctx: FactContext, trace: ConditionTrace[], negated = false): boolean {
  if ("all" in condition) {
    let ok = true;
    for (const c of condition.all) ok = evaluateCondition(c, ctx, trace, negated) && ok;
    return ok;
  }
  if ("any" in condition) {
    let ok = false;
    for (const c of condition.any) ok = evaluateCondition(c, ctx, trace, negated) || ok;
    return ok;
  }
  if ("not" in condition) return !evaluateCondition(condition.not, ctx, trace, !negated);
  const fact = ctx.get(condition.fact);
  const actual = condition.path === "source" ? fact?.source : fact?.value;
  const raw = OPERATORS[condition.operator](actual, condition.value);
  // Under a `not` the leaf is shown as the negated comparison, so `pass` always means "this leaf helped the rule fire".
  trace.push({
    fact: condition.path === "source" ? `${condition.fact}.source` : condition.fact,
    operator: negated ? `not ${condition.operator}` : condition.operator,
    expected: condition.value,
    actual,
    pass: negated ? !raw : raw,
  });
  return raw;
}

/** The facts whose leaves passed: what "triggered" a fired rule. */
export function passingFacts(trace: ConditionTrace[]): string[] {
  const facts: string[] = [];
  for (const t of trace) if (t.pass && !facts.includes(t.fact)) facts.push(t.fact);
  return facts;
}
