import { confirmFacts } from "~/domain/confirm";
import { assess } from "~/domain/engine/assess";
import { buildContext } from "~/domain/engine/facts";
import { judgeWithPlan } from "~/domain/engine/plan-gates";
import { estimatePlan } from "~/domain/estimate/pipeline";
import { buildProfile, TextReadings } from "~/domain/profile/build-profile";
import { mergeLlmProposal } from "~/domain/llm/merge";
import type { LlmProposal } from "~/domain/llm/proposal";
import { PLAN_SCHEMA_VERSION, type DecisionPlan, type LlmInfo } from "~/domain/plan-types";
import type { Currency, ScenarioInput } from "~/domain/scenario";

export const ENGINE_VERSION = "0.2.0";
export const KNOWLEDGE_BASE_VERSION = "2026-11-30";

export interface PlanOptions {
  /** The outcome of the LLM step, already validated; absent means the LLM was off. */
  llm?: LlmInfo;
  /** Profile facts (with quotes), risks and narrative the LLM proposed, already validated; merged into the profile before the rules run. */
  proposal?: LlmProposal;
}

/**
 * input → profile → assessment → estimates. Pure and deterministic: no clock, no I/O, no randomness
 * other than the seeded Monte Carlo inside the estimators.
 */
export function buildPlan(input: ScenarioInput, options: PlanOptions = {}): DecisionPlan {
  // The wording is read once: confirm[] rebuilds the profile of the same text with other stated facts.
  const readings = new TextReadings();
  const heuristicProfile = buildProfile(input, {}, readings);
  const merged = options.proposal ? mergeLlmProposal(heuristicProfile, options.proposal, input) : undefined;
  const profile = merged?.profile ?? heuristicProfile;
  const locale = profile.locale.value;
  const currency: Currency = input.business?.currency ?? (locale === "zh" ? "CNY" : "USD");
  const assessment = assess(profile);
  const estimates = estimatePlan({ input, profile, assessment, currency });
  // The verdict meets the plan's own numbers: median economics, the break-even probability and stated constraints.
  const feasibility = judgeWithPlan(assessment.feasibility, buildContext(profile), {
    currency,
    horizonMonths: estimates.finance.horizonMonths,
    breakEvenMonth: estimates.finance.breakEvenMonth,
    npv: estimates.finance.npv,
    breakEvenProbability: estimates.finance.ranges.breakEvenProbability,
    constraints: estimates.constraints,
  });
  const economicsCapped = feasibility.reasons.some(
    (r) => r.kind === "gate" && (r.ruleId === "plan.no_break_even" || r.ruleId === "plan.break_even_unlikely"),
  );
  const confirm = confirmFacts(input, profile, currency, {
    proposal: options.proposal,
    economicsCapped,
    base: estimates,
    assessment,
    readings,
  });
  return {
    schemaVersion: PLAN_SCHEMA_VERSION,
    title: input.title ?? deriveTitle(input.description),
    locale,
    currency,
    input,
    profile,
    feasibility,
    primaryTier: assessment.primaryTier,
    techniques: assessment.techniques,
    risks: assessment.risks,
    regulations: assessment.regulations ?? [],
    confirm,
    ...estimates,
    llm: merged && options.proposal ? withProposal(options.llm, options.proposal, merged) : (options.llm ?? { status: "off" }),
    meta: { engineVersion: ENGINE_VERSION, knowledgeBaseVersion: KNOWLEDGE_BASE_VERSION },
  };
}

function withProposal(llm: LlmInfo | undefined, proposal: LlmProposal, merged: ReturnType<typeof mergeLlmProposal>): LlmInfo {
  const notice = [llm?.notice, merged.notice].filter(Boolean).join(" ");
  const notices = [...(llm?.notices ?? []), ...(merged.notices ?? [])];
  return {
    status: "ok",
    ...llm,
    narrative: proposal.narrative,
    risks: proposal.risks,
    facts: merged.outcomes,
    ...(notice ? { notice } : {}),
    ...(notices.length ? { notices } : {}),
  };
}

/** A title from the first sentence of the description, for scenarios saved without one. */
export function deriveTitle(description: string): string {
  const first = description.split(/[\n。！？!?.]/u)[0]?.trim() ?? "";
  const chars = Array.from(first || description.trim());
  return chars.length > 40 ? chars.slice(0, 40).join("") + "…" : chars.join("");
}
