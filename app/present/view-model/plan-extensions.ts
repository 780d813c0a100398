// Plan fields other streams are adding (DESIGN.md contract: confirm[], techniques[].gate, constraints[], quality,
// finance.unitEconomics). The views render them when a plan carries them; once the plan type declares them, these
// readers become plain property reads.
import type { TechniqueChoice } from "~/domain/engine/types";
import type { DecisionPlan } from "~/domain/plan-types";
import type { LocalizedText } from "~/domain/text";

export interface ConfirmField {
  key: string;
  value: unknown;
  source: string;
  /** The words the value was read from. */
  evidence?: string[];
  affects: string[];
  /** The plausible other value the engine tried, and what the plan would then say (only what changed). */
  alternative?: { value: unknown; verdict?: string; primaryTier?: number; oneOffTotal?: number };
}

/** A use that regulation forbids or gates where the product is offered, with the rule it cites. */
export interface RegulationFinding {
  id: string;
  kind?: string;
  jurisdictions?: string[];
  /** The best verdict the finding allows; absent for an obligation to plan for. */
  capVerdict?: string;
  text: LocalizedText;
  requirement: LocalizedText;
  source: string;
  effective?: string;
  marketUnknown?: boolean;
}

export interface PlanConstraint {
  kind: "team" | "weeks" | "budget" | string;
  stated: number;
  planned: number;
  fits: boolean;
}

export interface QualityBand {
  metric: string;
  metricText?: LocalizedText;
  low: number;
  high: number;
  sources: string[];
}

export interface UnitEconomics {
  costPerActiveUserMonth: number | null;
  grossMargin: number | null;
  ltv: number | null;
  cac: number | null;
  ltvToCac: number | null;
  paybackMonths: number | null;
}

type Extended = DecisionPlan & {
  confirm?: ConfirmField[];
  regulations?: RegulationFinding[];
  constraints?: PlanConstraint[];
  quality?: QualityBand | null;
  finance: DecisionPlan["finance"] & { unitEconomics?: UnitEconomics | null };
};

export const confirmOf = (plan: DecisionPlan): ConfirmField[] => (plan as Extended).confirm ?? [];
export const regulationsOf = (plan: DecisionPlan): RegulationFinding[] => (plan as Extended).regulations ?? [];
export const constraintsOf = (plan: DecisionPlan): PlanConstraint[] => (plan as Extended).constraints ?? [];
export const qualityOf = (plan: DecisionPlan): QualityBand | null => (plan as Extended).quality ?? null;
export const unitEconomicsOf = (plan: DecisionPlan): UnitEconomics | null => (plan as Extended).finance.unitEconomics ?? null;

/** An escalation the plan takes only if an eval result is missed: the gate and its words. */
export function gateOf(technique: TechniqueChoice): { gate: string; text?: LocalizedText } | null {
  const x = technique as TechniqueChoice & { gate?: string; gateText?: LocalizedText };
  return x.gate ? { gate: x.gate, ...(x.gateText ? { text: x.gateText } : {}) } : null;
}
