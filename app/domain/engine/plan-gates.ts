// The verdict meets the plan's own numbers: after the estimators run, the plan gates of data/rules.json read the
// median economics (break-even within the horizon, NPV), the Monte Carlo break-even probability and the stated
// constraints the plan cannot meet. A gate caps the verdict (and the score with it, so the grade agrees); a
// non-financial value (compliance, safety, public service) lifts the economic caps, and the reason says which.
import { evaluateCondition } from "~/domain/engine/conditions";
import type { FactContext } from "~/domain/engine/facts";
import { gradeFor } from "~/domain/engine/score";
import { VERDICTS, type Feasibility, type Reason, type RuleTrace, type Verdict } from "~/domain/engine/types";
import { RULES } from "~/domain/kb/rules";
import { SIGNALS } from "~/domain/kb/signals";
import type { Currency, Locale } from "~/domain/scenario";
import type { LocalizedText } from "~/domain/text";

export type ConstraintKind = "team" | "weeks" | "budget";

/** A stated constraint and what the plan needs (the estimators' `constraints[]`). */
export interface ConstraintCheck {
  kind: ConstraintKind;
  stated: number;
  planned: number;
  fits: boolean;
}

export interface PlanEconomics {
  currency: Currency;
  horizonMonths: number;
  breakEvenMonth: number | null;
  npv: number;
  /** Share of Monte Carlo runs that break even within the horizon; absent when no Monte Carlo ran. */
  breakEvenProbability?: number;
  constraints?: ConstraintCheck[];
}

const RANK: Record<Verdict, number> = Object.fromEntries(VERDICTS.map((v, i) => [v, i])) as Record<Verdict, number>;

function money(x: number, currency: Currency): string {
  const sign = x < 0 ? "−" : "";
  return `${sign}${currency === "CNY" ? "¥" : "$"}${Math.round(Math.abs(x)).toLocaleString("en-US")}`;
}

function constraintValue(kind: ConstraintKind, x: number, currency: Currency): string {
  return kind === "budget" ? money(x, currency) : `${Math.round(x * 10) / 10}`;
}

function fill(text: LocalizedText, values: Record<string, LocalizedText>): LocalizedText {
  const one = (s: string, l: Locale) => s.replace(/\{(\w+)\}/gu, (m, k: string) => values[k]?.[l] ?? m);
  return { zh: one(text.zh, "zh"), en: one(text.en, "en") };
}

/** The facts the plan gates read, added to a copy of the assessment's fact context. */
export function planContext(base: FactContext, e: PlanEconomics): FactContext {
  const ctx: FactContext = new Map(base);
  ctx.set("breakEvenWithinHorizon", { value: e.breakEvenMonth !== null && e.breakEvenMonth <= e.horizonMonths, source: "engine" });
  ctx.set("npv", { value: e.npv, source: "engine" });
  // Without a Monte Carlo (a quick re-evaluation), the median projection stands in: a median that never breaks even
  // means under one half of the runs do.
  const p = e.breakEvenProbability ?? (e.breakEvenMonth !== null ? 1 : 0);
  ctx.set("breakEvenProbability", { value: p, source: "engine" });
  ctx.set("constraintsUnmet", { value: (e.constraints ?? []).filter((c) => !c.fits).map((c) => c.kind), source: "engine" });
  return ctx;
}

/**
 * Applies the plan gates to a feasibility judged on the profile alone. Returns a new feasibility: reasons of the
 * plan gates come right after the profile's gates, their traces join the trace, and a cap lowers the verdict, the
 * score (to the verdict's band) and the grade together.
 */
export function judgeWithPlan(feasibility: Feasibility, base: FactContext, e: PlanEconomics): Feasibility {
  const ctx = planContext(base, e);
  const valueKind = String(ctx.get("valueKind")?.value ?? "financial");
  const kindLabel = SIGNALS.valueKinds.find((v) => v.id === valueKind)?.label ?? { zh: valueKind, en: valueKind };
  const probability = ctx.get("breakEvenProbability")?.value as number;
  const values: Record<string, LocalizedText> = {
    npv: { zh: money(e.npv, e.currency), en: money(e.npv, e.currency) },
    horizon: { zh: String(e.horizonMonths), en: String(e.horizonMonths) },
    probability: { zh: `${Math.round(probability * 100)}%`, en: `${Math.round(probability * 100)}%` },
    valueKind: kindLabel,
  };
  const trace: RuleTrace[] = [];
  const added: Reason[] = [];
  let cap: Verdict = "go";
  for (const gate of RULES.planGates) {
    const conditions: RuleTrace["conditions"] = [];
    const fired = evaluateCondition(gate.when, ctx, conditions);
    trace.push({ ruleId: gate.id, fired, conditions, effects: [], ...(gate.capVerdict ? { capVerdict: gate.capVerdict } : {}) });
    if (!fired) continue;
    const constraint = /^plan\.constraint\.(\w+)$/u.exec(gate.id)?.[1] as ConstraintKind | undefined;
    const c = constraint ? e.constraints?.find((x) => x.kind === constraint) : undefined;
    const local = c
      ? {
          ...values,
          stated: same(constraintValue(c.kind, c.stated, e.currency)),
          planned: same(constraintValue(c.kind, c.planned, e.currency)),
        }
      : values;
    if (gate.capVerdict && RANK[gate.capVerdict] > RANK[cap]) cap = gate.capVerdict;
    added.push({
      ruleId: gate.id,
      kind: gate.capVerdict ? "gate" : "negative",
      text: fill(gate.text, local),
      weight: 0,
      dimension: "value",
      source: gate.source,
    });
  }
  const verdict: Verdict = RANK[cap] > RANK[feasibility.verdict] ? cap : feasibility.verdict;
  const ceiling = RULES.verdicts.find((v) => v.verdict === verdict)?.maxScore ?? 100;
  const score = Math.min(feasibility.score, ceiling);
  // Gates stay first, the most severe cap first (a stable sort keeps the profile's order among equals, plan gates
  // after them); the plan's uncapped notes (a non-financial value, a constraint the plan misses) follow the gates.
  const capOf = new Map<string, Verdict>();
  for (const t of [...feasibility.trace, ...trace]) if (t.capVerdict) capOf.set(t.ruleId, t.capVerdict);
  const rank = (r: Reason) => RANK[capOf.get(r.ruleId) ?? "go"];
  const gates = [...feasibility.reasons.filter((r) => r.kind === "gate"), ...added.filter((r) => r.kind === "gate")].sort(
    (a, b) => rank(b) - rank(a),
  );
  const rest = feasibility.reasons.filter((r) => r.kind !== "gate");
  const reasons = [...gates, ...added.filter((r) => r.kind !== "gate"), ...rest];
  return {
    ...feasibility,
    score,
    grade: gradeFor(score),
    verdict,
    reasons,
    trace: [...feasibility.trace, ...trace],
  };
}

function same(s: string): LocalizedText {
  return { zh: s, en: s };
}
