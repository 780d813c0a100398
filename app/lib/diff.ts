// What changed between two versions: the input field by field, and the headline figures of the plan.
import type { DecisionPlan } from "~/domain/plan-types";
import type { ScenarioInput } from "~/domain/scenario";

export interface Change {
  path: string;
  before: string | null;
  after: string | null;
}

/** Nested input → dotted paths; lists become one comma-joined value (their order is normalised by the schema). */
export function flatten(value: unknown, prefix = "", out: Record<string, string> = {}): Record<string, string> {
  if (value === undefined || value === null) return out;
  if (Array.isArray(value)) {
    out[prefix] = value.map(String).join(", ");
  } else if (typeof value === "object") {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out[prefix] = String(value);
  }
  return out;
}

export function diffInputs(before: ScenarioInput | null, after: ScenarioInput): Change[] {
  const a = flatten(before ?? {});
  const b = flatten(after);
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.filter((k) => a[k] !== b[k]).map((k) => ({ path: k, before: a[k] ?? null, after: b[k] ?? null }));
}

/** The figures a reader compares first. */
export function planHeadline(plan: DecisionPlan): Record<string, string> {
  return {
    "plan.verdict": plan.feasibility?.verdict ?? "",
    "plan.grade": plan.feasibility?.grade ?? "",
    "plan.score": String(plan.feasibility?.score ?? ""),
    "plan.tier": String(plan.primaryTier ?? ""),
    "plan.breakEvenMonth": plan.finance?.breakEvenMonth == null ? "—" : String(plan.finance.breakEvenMonth),
    "plan.npv": typeof plan.finance?.npv === "number" ? String(Math.round(plan.finance.npv)) : "—",
  };
}

export function diffPlans(before: DecisionPlan | null, after: DecisionPlan): Change[] {
  if (!before) return [];
  const a = planHeadline(before);
  const b = planHeadline(after);
  return Object.keys(b)
    .filter((k) => a[k] !== b[k])
    .map((k) => ({ path: k, before: a[k] ?? null, after: b[k] }));
}
