// Dimension scores, the overall score, the grade and the verdict, from the score rules and gates in data/rules.json.
import { evaluateCondition } from "~/domain/engine/conditions";
import { DERIVED_FROM, type DerivedFact, type FactContext } from "~/domain/engine/facts";
import {
  VERDICTS,
  type Dimension,
  type DimensionScore,
  type Feasibility,
  type Grade,
  type Reason,
  type RuleTrace,
  type Verdict,
} from "~/domain/engine/types";
import { RULES } from "~/domain/kb/rules";

const VERDICT_RANK: Record<Verdict, number> = Object.fromEntries(VERDICTS.map((v, i) => [v, i])) as Record<Verdict, number>;
const VERDICT_BANDS = [...RULES.verdicts].sort((a, b) => b.minScore - a.minScore);
const GRADE_BANDS = [...RULES.grades].sort((a, b) => b.minScore - a.minScore);
const TOTAL_WEIGHT = RULES.dimensions.reduce((s, d) => s + d.weight, 0);

export function clampScore(x: number): number {
  return Math.max(0, Math.min(100, Math.round(x)));
}

export function gradeFor(score: number): Grade {
  return (GRADE_BANDS.find((g) => score >= g.minScore) ?? GRADE_BANDS[GRADE_BANDS.length - 1]).grade;
}

export function verdictFor(score: number): Verdict {
  return (VERDICT_BANDS.find((v) => score >= v.minScore) ?? VERDICT_BANDS[VERDICT_BANDS.length - 1]).verdict;
}

/** The profile facts behind the passing conditions of a fired rule that nobody stated (source "default"). */
function assumedFacts(conditions: RuleTrace["conditions"], ctx: FactContext): string[] {
  const out: string[] = [];
  for (const c of conditions) {
    if (!c.pass || c.fact.endsWith(".source")) continue;
    const underlying = c.fact in DERIVED_FROM ? DERIVED_FROM[c.fact as DerivedFact] : [c.fact];
    for (const f of underlying) if (ctx.get(f)?.source === "default" && !out.includes(f)) out.push(f);
  }
  return out;
}

/** A cap that comes from outside the score rules (a regulation), shown as a gate reason. */
export interface ExternalGate {
  ruleId: string;
  capVerdict: Verdict;
  text: Reason["text"];
  source: string;
}

export function scoreFeasibility(ctx: FactContext, external: ExternalGate[] = []): Feasibility {
  const points = new Map<Dimension, number>(RULES.dimensions.map((d) => [d.id, d.base]));
  const trace: RuleTrace[] = [];
  const reasons: Reason[] = [];
  let cap: Verdict = "go";
  for (const g of external) {
    if (VERDICT_RANK[g.capVerdict] > VERDICT_RANK[cap]) cap = g.capVerdict;
    reasons.push({ ruleId: g.ruleId, kind: "gate", text: g.text, weight: 0, dimension: "risk_compliance", source: g.source });
  }
  for (const rule of RULES.rules) {
    const conditions: RuleTrace["conditions"] = [];
    const fired = evaluateCondition(rule.when, ctx, conditions);
    trace.push({ ruleId: rule.id, fired, conditions, effects: rule.effects, ...(rule.capVerdict ? { capVerdict: rule.capVerdict } : {}) });
    if (!fired) continue;
    for (const e of rule.effects) points.set(e.dimension, (points.get(e.dimension) ?? 0) + e.points);
    const weight = rule.effects.reduce((s, e) => s + e.points, 0);
    if (rule.kind === "gate" && rule.capVerdict && VERDICT_RANK[rule.capVerdict] > VERDICT_RANK[cap]) cap = rule.capVerdict;
    const assumed = assumedFacts(conditions, ctx);
    reasons.push({
      ruleId: rule.id,
      kind: rule.kind === "gate" ? "gate" : weight >= 0 ? "positive" : "negative",
      text: rule.text,
      weight,
      ...(rule.effects[0] ? { dimension: rule.effects[0].dimension } : {}),
      source: rule.source,
      ...(assumed.length ? { assumed } : {}),
    });
  }
  const dimensions: DimensionScore[] = RULES.dimensions.map((d) => ({
    id: d.id,
    score: clampScore(points.get(d.id) ?? d.base),
    weight: d.weight,
    label: d.label,
  }));
  const weak = RULES.weakestLink;
  const weakConditions = dimensions.map((d) => ({
    fact: `dimension.${d.id}`,
    operator: "lessThan",
    expected: weak.below,
    actual: d.score,
    pass: d.score < weak.below,
  }));
  const weakFired = weakConditions.some((c) => c.pass);
  // Evaluated after the dimensions exist, so it is traced like a rule whose conditions are `any` over the dimensions.
  trace.push({ ruleId: "gate.weakest_dimension", fired: weakFired, conditions: weakConditions, effects: [], capVerdict: weak.capVerdict });
  if (weakFired) {
    if (VERDICT_RANK[weak.capVerdict] > VERDICT_RANK[cap]) cap = weak.capVerdict;
    const low = dimensions.filter((d) => d.score < weak.below);
    // The text names the weak dimensions: "{dimensions}" in the knowledge base is filled with their labels.
    const text = {
      zh: weak.text.zh.replace("{dimensions}", low.map((d) => d.label.zh).join("、")),
      en: weak.text.en.replace("{dimensions}", low.map((d) => d.label.en).join(", ")),
    };
    reasons.push({ ruleId: "gate.weakest_dimension", kind: "gate", text, weight: 0, dimension: low[0].id, source: weak.source });
  }
  const raw = clampScore(dimensions.reduce((s, d) => s + d.score * d.weight, 0) / TOTAL_WEIGHT);
  const byScore = verdictFor(raw);
  const verdict = VERDICT_RANK[cap] > VERDICT_RANK[byScore] ? cap : byScore;
  // A gate caps the score too, so the grade never reads better than the verdict it sits beside.
  const ceiling = RULES.verdicts.find((v) => v.verdict === verdict)?.maxScore ?? 100;
  const score = Math.min(raw, ceiling);
  const gateRank = (r: Reason) => {
    const capOf = trace.find((t) => t.ruleId === r.ruleId)?.capVerdict ?? external.find((g) => g.ruleId === r.ruleId)?.capVerdict;
    return capOf ? VERDICT_RANK[capOf] : -1;
  };
  reasons.sort((a, b) => {
    if ((a.kind === "gate") !== (b.kind === "gate")) return a.kind === "gate" ? -1 : 1;
    if (a.kind === "gate") return gateRank(b) - gateRank(a) || a.ruleId.localeCompare(b.ruleId);
    return Math.abs(b.weight) - Math.abs(a.weight) || a.ruleId.localeCompare(b.ruleId);
  });
  return { score, grade: gradeFor(score), verdict, reasons, dimensions, trace, scoreBeforeGates: raw };
}
