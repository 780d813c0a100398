import type { Feasibility, TechniqueChoice, Tier } from "~/domain/engine/types";
import type { Assumption, FeedbackPlan, Finance, Team, Timeline } from "~/domain/estimate/types";
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
}

export interface Risk {
  id: string;
  text: LocalizedText;
  mitigation: LocalizedText;
  severity: "low" | "medium" | "high";
  source: string;
}

/** The one result of the pipeline. Deterministic: the same input (and LLM proposal) gives the same plan. */
export interface DecisionPlan {
  schemaVersion: 1;
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
  finance: Finance;
  risks: Risk[];
  assumptions: Assumption[];
  llm: LlmInfo;
  meta: { engineVersion: string; knowledgeBaseVersion: string };
}
