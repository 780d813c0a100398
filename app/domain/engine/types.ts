import type { LocalizedText } from "~/domain/text";

export const VERDICTS = ["go", "pilot", "rethink", "no_go"] as const;
export type Verdict = (typeof VERDICTS)[number];
export const GRADES = ["A", "B", "C", "D", "E"] as const;
export type Grade = (typeof GRADES)[number];
export const DIMENSIONS = ["value", "data_readiness", "technical_fit", "risk_compliance", "org_readiness"] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export type Tier = 1 | 2 | 3;

export interface DimensionScore {
  id: Dimension;
  score: number; // 0–100
  weight: number;
  label: LocalizedText;
}

/** One condition of a rule as evaluated: what was compared with what, and the outcome. */
export interface ConditionTrace {
  fact: string;
  operator: string;
  expected: unknown;
  actual: unknown;
  pass: boolean;
}

export interface RuleTrace {
  ruleId: string;
  fired: boolean;
  conditions: ConditionTrace[];
  /** Points applied per dimension when fired. */
  effects: { dimension: Dimension; points: number }[];
  /** For gates: the best verdict allowed once fired. */
  capVerdict?: Verdict;
}

export interface Reason {
  ruleId: string;
  kind: "gate" | "positive" | "negative";
  text: LocalizedText;
  /** Sum of points the rule moved (signed); gates carry 0. */
  weight: number;
  dimension?: Dimension;
  source: string;
  /** Facts the rule relied on that are only defaults (nobody stated them): confirm them and the reason may change. */
  assumed?: string[];
}

export interface Feasibility {
  score: number; // 0–100
  grade: Grade;
  verdict: Verdict;
  /** The rules that fired, most weighty first: gates, then by |weight|. */
  reasons: Reason[];
  dimensions: DimensionScore[];
  /** Every rule evaluated, fired or not: score rules and gates, then `technique.*` selectors, then `risk.*` rules. */
  trace: RuleTrace[];
  /** The weighted score before gates capped it (equal to `score` when no gate fired). */
  scoreBeforeGates?: number;
}

export interface TechniqueChoice {
  id: string;
  tier: Tier;
  /** The technique's name, from the catalogue (data/techniques.json). */
  name: LocalizedText;
  /** Why it is in the plan, in the plan's language. */
  why: string;
  whyText: LocalizedText;
  /** Profile facts that triggered it. */
  triggeredBy: string[];
  /** `traditional` sits beside the LLM (rules, search, BI, classic ML). */
  kind: "llm" | "traditional";
  sources: string[];
  /**
   * The eval result that would justify this escalation, in the plan's language: present when the technique waits on
   * that gate (taken only if the result is missed). A gated technique does not raise `primaryTier`.
   */
  gate?: string;
  gateText?: LocalizedText;
}
