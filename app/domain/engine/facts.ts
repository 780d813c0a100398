// The facts rules may name: every Profile key, plus a few derived from them. Derived facts exist so that rules stay
// simple data (an ordinal compared with atLeast, a monthly volume) instead of each rule redoing the arithmetic.
import { daysPerMonth } from "~/domain/calendar";
import type { Profile, ProfileKey } from "~/domain/profile/types";
import { HUMAN_REVIEW_ORDER, STAKES_ORDER } from "~/domain/scenario";

export const PROFILE_FACTS: readonly ProfileKey[] = [
  "locale",
  "industry",
  "market",
  "tasks",
  "knowledge",
  "stakes",
  "humanReview",
  "deployment",
  "replacesSystemOfRecord",
  "labeledExamples",
  "documents",
  "chatLogs",
  "preferencePairs",
  "users",
  "interactionsPerUserPerDay",
  "feedbackMode",
  "houseStyle",
  "personalData",
  "businessCase",
  "publicFacing",
  "stakeDrivers",
  "safeguards",
  "unmonitored",
  "groundedAnswers",
  "recordLookup",
  "analytics",
  "preferenceSignal",
  "collectionPlanned",
  "lowerTierFailed",
  "skillGap",
  "pretraining",
  "regulatedUses",
  "jurisdictions",
  "clearances",
  "valueKind",
] satisfies ProfileKey[];

/**
 * The value a fact takes when a profile lacks it (hand-built fixtures, plans saved before the fact existed): the
 * reading that adds no signal, so an old profile is judged as it was.
 */
export const FACT_DEFAULTS: Partial<Record<ProfileKey, unknown>> = {
  businessCase: false,
  publicFacing: false,
  stakeDrivers: [],
  safeguards: [],
  unmonitored: false,
  groundedAnswers: false,
  recordLookup: false,
  analytics: false,
  preferenceSignal: false,
  collectionPlanned: false,
  lowerTierFailed: false,
  skillGap: false,
  pretraining: false,
  regulatedUses: [],
  jurisdictions: [],
  clearances: [],
  valueKind: "financial",
};

export const DERIVED_FACTS = [
  /** 0 low … 3 critical (STAKES_ORDER). */
  "stakesLevel",
  /** 0 none, 1 sampled, 2 always (HUMAN_REVIEW_ORDER). */
  "reviewLevel",
  /** users × interactions per user per day × days of use a month (daysPerMonth: 30.4 for consumers, 22 for staff). */
  "monthlyInteractions",
  /** Labelled examples plus chat logs: the raw material of a fine-tuning set (the seed extracts chat logs). */
  "examplesAndLogs",
  /** Ids of the techniques the plan commits to (technique rules see earlier choices; score rules see all). */
  "techniques",
  /** Ids of the escalations waiting on a gate: in the plan, not committed, not raising the primary tier. */
  "gatedTechniques",
  /** The highest tier among the chosen techniques. */
  "primaryTier",
] as const;

export type DerivedFact = (typeof DERIVED_FACTS)[number];

/** Facts of the plan itself, known only after the estimators ran; the plan gates (data/rules.json `planGates`) read them. */
export const PLAN_FACTS = [
  /** The median (base-case) projection breaks even within the horizon. */
  "breakEvenWithinHorizon",
  /** Net present value of the base case, in the plan's currency. */
  "npv",
  /** Share of Monte Carlo runs that break even within the horizon (0–1). */
  "breakEvenProbability",
  /** Kinds of stated constraints (team, weeks, budget) the plan does not meet. */
  "constraintsUnmet",
] as const;

/** The profile facts each derived fact is computed from, so a reason can name what the user should confirm. */
export const DERIVED_FROM: Record<DerivedFact, readonly ProfileKey[]> = {
  stakesLevel: ["stakes"],
  reviewLevel: ["humanReview"],
  monthlyInteractions: ["users", "interactionsPerUserPerDay"],
  examplesAndLogs: ["labeledExamples", "chatLogs"],
  techniques: [],
  gatedTechniques: [],
  primaryTier: [],
};
export const KNOWN_FACTS: readonly string[] = [...PROFILE_FACTS, ...DERIVED_FACTS, ...PLAN_FACTS];

export interface FactValue {
  value: unknown;
  source: string;
}
export type FactContext = Map<string, FactValue>;

export function buildContext(profile: Profile): FactContext {
  const ctx: FactContext = new Map();
  for (const key of PROFILE_FACTS) {
    const f = profile[key];
    if (f) ctx.set(key, { value: f.value, source: f.source });
  }
  // Profiles assembled by hand elsewhere (fixtures, older saved plans) may lack the later facts.
  for (const [key, value] of Object.entries(FACT_DEFAULTS)) if (!ctx.has(key)) ctx.set(key, { value, source: "default" });
  ctx.set("stakesLevel", { value: STAKES_ORDER[profile.stakes.value], source: profile.stakes.source });
  ctx.set("reviewLevel", { value: HUMAN_REVIEW_ORDER[profile.humanReview.value], source: profile.humanReview.source });
  ctx.set("monthlyInteractions", {
    value: Math.round(profile.users.value * profile.interactionsPerUserPerDay.value * daysPerMonth(profile.market.value)),
    source: weakest(profile.users.source, profile.interactionsPerUserPerDay.source),
  });
  ctx.set("examplesAndLogs", {
    value: profile.labeledExamples.value + profile.chatLogs.value,
    source: weakest(profile.labeledExamples.source, profile.chatLogs.source),
  });
  ctx.set("techniques", { value: [], source: "engine" });
  ctx.set("gatedTechniques", { value: [], source: "engine" });
  ctx.set("primaryTier", { value: 1, source: "engine" });
  return ctx;
}

const STRENGTH: Record<string, number> = { user: 3, llm: 2, heuristic: 1, default: 0 };
function weakest(a: string, b: string): string {
  return (STRENGTH[a] ?? 0) <= (STRENGTH[b] ?? 0) ? a : b;
}
