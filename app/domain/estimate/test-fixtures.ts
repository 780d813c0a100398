// Test fixtures: a profile and an assessment built by hand, so estimator tests do not depend on the rule engine.
import type { Assessment } from "~/domain/engine/assess";
import type { TechniqueChoice, Tier } from "~/domain/engine/types";
import type { Fact, Profile } from "~/domain/profile/types";
import type { Currency, ScenarioInput } from "~/domain/scenario";
import type { EstimateInput } from "~/domain/estimate/pipeline";

const f = <T>(value: T, source: Fact<T>["source"] = "user"): Fact<T> => ({ value, source });

export function makeProfile(over: Partial<{ [K in keyof Profile]: NonNullable<Profile[K]>["value"] }> = {}): Profile {
  // Typed loosely on purpose: the profile gains facts over time and the estimators read only some of them.
  const base: Record<string, unknown> = {
    locale: "en",
    industry: "education",
    market: "toC",
    tasks: ["generation"],
    knowledge: ["general"],
    stakes: "medium",
    humanReview: "sampled",
    deployment: "cloud_api",
    replacesSystemOfRecord: false,
    labeledExamples: 0,
    documents: 0,
    chatLogs: 0,
    preferencePairs: 0,
    users: 1000,
    interactionsPerUserPerDay: 5,
    feedbackMode: "implicit",
    houseStyle: false,
    personalData: false,
    businessCase: true,
    ...over,
  };
  return Object.fromEntries(Object.entries(base).map(([k, v]) => [k, f(v)])) as unknown as Profile;
}

const TIER: Record<string, Tier> = {
  prompt_engineering: 1,
  few_shot: 1,
  chain_of_thought: 1,
  tree_of_thought: 1,
  rag: 2,
  text_to_sql: 2,
  agent: 2,
  sft: 3,
  lora: 3,
  qlora: 3,
  reward_model: 3,
  rlhf: 3,
  dpo: 3,
};

export function makeAssessment(ids: string[]): Assessment {
  const techniques: TechniqueChoice[] = ids.map((id) => ({
    id,
    tier: TIER[id] ?? 1,
    name: { zh: id, en: id },
    why: id,
    whyText: { zh: id, en: id },
    triggeredBy: [],
    kind: "llm",
    sources: [],
  }));
  const primaryTier = Math.max(1, ...techniques.map((t) => t.tier)) as Tier;
  return {
    feasibility: { score: 60, grade: "C", verdict: "pilot", reasons: [], dimensions: [], trace: [] },
    techniques,
    primaryTier,
    risks: [],
  };
}

export function makeEstimateInput(opts: {
  profile?: Parameters<typeof makeProfile>[0];
  techniques?: string[];
  input?: Partial<ScenarioInput>;
  currency?: Currency;
}): EstimateInput {
  const profile = makeProfile(opts.profile);
  return {
    input: { description: "test scenario", ...opts.input } as ScenarioInput,
    profile,
    assessment: makeAssessment(opts.techniques ?? ["prompt_engineering"]),
    currency: opts.currency ?? (profile.locale.value === "zh" ? "CNY" : "USD"),
  };
}
