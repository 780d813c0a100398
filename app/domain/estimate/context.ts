// What every estimator reads: the inputs, the assumption book, the currency and the shape of the plan (tier, techniques).
import type { Assessment } from "~/domain/engine/assess";
import type { AssumptionBook } from "~/domain/estimate/assumption-book";
import { EST } from "~/domain/estimate/kb";
import type { Fact, Profile } from "~/domain/profile/types";
import type { Currency, Locale, ScenarioInput } from "~/domain/scenario";
import type { AssumptionSource } from "~/domain/estimate/types";

export const FINE_TUNE_TECHNIQUES = ["sft", "lora", "qlora", "reward_model", "rlhf", "dpo"] as const;
export const FEEDBACK_TECHNIQUES = ["reward_model", "rlhf", "dpo"] as const;

export interface EstimateContext {
  input: ScenarioInput;
  profile: Profile;
  assessment: Assessment;
  currency: Currency;
  locale: Locale;
  book: AssumptionBook;
  techniques: Set<string>;
  tier: 1 | 2 | 3;
  fineTune: boolean;
  rewardModel: boolean;
  rag: boolean;
  selfHosted: boolean;
  /** CNY per USD (an assumption). */
  fx: number;
}

export function planShape(profile: Profile, assessment: Assessment) {
  const techniques = new Set(assessment.techniques.map((t) => t.id));
  const fineTune = FINE_TUNE_TECHNIQUES.some((t) => techniques.has(t)) || assessment.primaryTier === 3;
  const rewardModel = FEEDBACK_TECHNIQUES.some((t) => techniques.has(t));
  const rag = techniques.has("rag");
  // Data that must stay on the premises means an open model on the company's own GPUs (seed: 私有化部署).
  const selfHosted = profile.deployment.value !== "cloud_api";
  const tier = (fineTune ? 3 : Math.max(1, Math.min(3, assessment.primaryTier))) as 1 | 2 | 3;
  return { techniques, fineTune, rewardModel, rag, selfHosted, tier };
}

/** USD → plan currency. */
export function fromUsd(ctx: EstimateContext, usd: number): number {
  return ctx.currency === "USD" ? usd : usd * ctx.fx;
}

/** A knowledge-base figure quoted in both currencies. */
export function byCurrency(ctx: EstimateContext, v: { CNY: number; USD: number }): number {
  return ctx.currency === "CNY" ? v.CNY : v.USD;
}

/** Provenance of a profile fact, as an assumption source and citation. */
export function factProvenance<T>(fact: Fact<T>, field: string): { source: AssumptionSource; citation: string } {
  if (fact.source === "user") return { source: "user", citation: field };
  if (fact.source === "default") return { source: "default", citation: `profile.${field} (default)` };
  return { source: "profile", citation: `profile.${field} (${fact.source})` };
}

export const WEEKS_PER_MONTH = EST.constants.weeksPerMonth.value;
