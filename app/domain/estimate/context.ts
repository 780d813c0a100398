// What every estimator reads: the inputs, the assumption book, the currency and the shape of the plan (tier,
// committed techniques, market, revenue model).
import type { Assessment } from "~/domain/engine/assess";
import type { AssumptionBook } from "~/domain/estimate/assumptions/book";
import type { Money } from "~/domain/estimate/units";
import type { Fact, Profile } from "~/domain/profile/types";
import type { Currency, Locale, Market, ScenarioInput } from "~/domain/scenario";
import type { AssumptionSource } from "~/domain/estimate/types";

export const FINE_TUNE_TECHNIQUES = ["sft", "lora", "qlora", "reward_model", "rlhf", "dpo"] as const;
export const FEEDBACK_TECHNIQUES = ["reward_model", "rlhf", "dpo"] as const;

export interface PlanShape {
  /** Techniques the plan commits to (a technique with a `gate` is an escalation, not committed). */
  techniques: Set<string>;
  tier: 1 | 2 | 3;
  fineTune: boolean;
  rewardModel: boolean;
  rag: boolean;
  selfHosted: boolean;
}

export interface EstimateContext extends PlanShape, Money {
  input: ScenarioInput;
  profile: Profile;
  assessment: Assessment;
  currency: Currency;
  locale: Locale;
  market: Market;
  book: AssumptionBook;
  /** CNY per USD (an assumption). */
  fx: number;
}

export function planShape(profile: Profile, assessment: Assessment): PlanShape {
  const committed = assessment.techniques.filter((t) => !t.gate);
  const techniques = new Set(committed.map((t) => t.id));
  const top = Math.max(1, ...committed.map((t) => t.tier));
  const fineTune = FINE_TUNE_TECHNIQUES.some((t) => techniques.has(t)) || top === 3;
  const rewardModel = FEEDBACK_TECHNIQUES.some((t) => techniques.has(t));
  const rag = techniques.has("rag");
  // Data that must stay on the premises means an open model on the company's own GPUs (seed: 私有化部署).
  const selfHosted = profile.deployment.value !== "cloud_api";
  const tier = (fineTune ? 3 : Math.min(2, top)) as 1 | 2 | 3;
  return { techniques, fineTune, rewardModel, rag, selfHosted, tier };
}

/** Provenance of a profile fact, as an assumption source and citation. */
export function factProvenance<T>(fact: Fact<T>, field: string): { source: AssumptionSource; citation: string } {
  if (fact.source === "user") return { source: "user", citation: field };
  if (fact.source === "default") return { source: "default", citation: `profile.${field} (default)` };
  return { source: "profile", citation: `profile.${field} (${fact.source})` };
}
