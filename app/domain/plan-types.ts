import type { Feasibility, TechniqueChoice, Tier } from "~/domain/engine/types";
import type { Assumption, Compute, ConstraintCheck, ConstraintScope, Cost, DataPlan, FeedbackPlan, Finance, Quality, Team, Timeline } from "~/domain/estimate/types";
import type { Profile } from "~/domain/profile/types";
import type { Currency, Locale, ScenarioInput } from "~/domain/scenario";
import type { LocalizedText } from "~/domain/text";

export type LlmStatus = "off" | "ok" | "failed";

export interface LlmInfo {
  status: LlmStatus;
  model?: string;
  promptVersion?: string;
  /** Shown to the user when the LLM step failed or was partly ignored. */
  notice?: string;
  cached?: boolean;
  usage?: { promptTokens: number; completionTokens: number; costUsd: number | null };
  /** AI-written narrative paragraphs, always labelled as such in views. */
  narrative?: string[];
  /** Risks the LLM raised (labelled as AI-written). */
  risks?: string[];
  /** What became of each fact the LLM proposed (applied, kept the more cautious value, dropped...), for audit. */
  facts?: LlmFactOutcome[];
}

/**
 * One fact the LLM proposed and what the merge did with it. `user`: the user set it, the proposal was ignored;
 * `applied`: it filled the profile; `agreed`: it matched a heuristic, which stays; `cautious`: it disagreed with a
 * strong heuristic signal and the more cautious value was kept; `merged`: a list joined with the heuristic's;
 * `dropped`: none of its quotes occur in the description; `rejected`: its value failed the field schema.
 */
export interface LlmFactOutcome {
  key: string;
  outcome: "user" | "applied" | "agreed" | "cautious" | "merged" | "dropped" | "rejected";
  proposed?: unknown;
  /** The value in the profile after the merge. */
  kept?: unknown;
  /** Quotes from the description that were found there (the fact's evidence when it was applied). */
  quotes: string[];
  note?: string;
}

export interface Risk {
  id: string;
  text: LocalizedText;
  mitigation: LocalizedText;
  severity: "low" | "medium" | "high";
  source: string;
}

/**
 * Version of the plan's shape. Bump it whenever a field is added, removed or changes meaning: stored plans of any other
 * version are recomputed from their stored input when read (app/models/plan-codec.server.ts).
 */
export const PLAN_SCHEMA_VERSION = 2;

/** The one result of the pipeline. Deterministic: the same input (and LLM proposal) gives the same plan. */
export interface DecisionPlan {
  schemaVersion: typeof PLAN_SCHEMA_VERSION;
  title: string;
  locale: Locale;
  currency: Currency;
  input: ScenarioInput;
  profile: Profile;
  feasibility: Feasibility;
  primaryTier: Tier;
  techniques: TechniqueChoice[];
  team: Team;
  timeline: Timeline;
  feedback: FeedbackPlan;
  data: DataPlan;
  compute: Compute;
  cost: Cost;
  finance: Finance;
  /** One check per stated constraint (team, weeks, budget); empty when none is stated. */
  constraints: ConstraintCheck[];
  /** When a stated constraint does not fit: the largest scope that does (or the closest). */
  constraintScope?: ConstraintScope;
  /** The expected effect band for the task at the chosen tier, and its projection over feedback rounds. */
  quality: Quality;
  risks: Risk[];
  assumptions: Assumption[];
  llm: LlmInfo;
  meta: { engineVersion: string; knowledgeBaseVersion: string };
}
