import type { RegulatoryFinding } from "~/domain/engine/regulations";
import type { Feasibility, TechniqueChoice, Tier, Verdict } from "~/domain/engine/types";
import type { Estimates } from "~/domain/estimate/pipeline";
import type { FactNoteParams, Profile } from "~/domain/profile/types";
import type { Currency, Locale, ScenarioInput } from "~/domain/scenario";
import type { LocalizedText } from "~/domain/text";

export type LlmStatus = "off" | "ok" | "failed";

/** Why the AI step failed (its kind and the provider's or client's own words), or how many proposed facts were not used. */
export type LlmNotice =
  | {
      code: "failed";
      kind: "timeout" | "http" | "connection" | "refusal" | "truncated" | "not_json" | "schema" | "empty" | "config";
      detail: string;
    }
  | { code: "facts_not_used"; cautious: number; dropped: number; rejected: number };

export interface LlmInfo {
  status: LlmStatus;
  model?: string;
  promptVersion?: string;
  /** Shown to the user when the LLM step failed or was partly ignored, in the scenario's language (the API's field). */
  notice?: string;
  /** The same notice as codes, worded in the reader's language by app/i18n/llm-notice.ts (absent on older plans). */
  notices?: LlmNotice[];
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
  /** A FACT_NOTE_CODES code with its parameters (worded by app/i18n/fact-notes.ts); a rejection's reason as written. */
  note?: string;
  noteParams?: FactNoteParams;
}

export interface Risk {
  id: string;
  text: LocalizedText;
  mitigation: LocalizedText;
  severity: "low" | "medium" | "high";
  source: string;
}

/** What a confirmed fact could change. */
export type ConfirmEffect = "verdict" | "primaryTier" | "oneOffCost";

/**
 * An inferred fact (read from the wording, or a default) that would change the verdict, the primary tier or the
 * one-off cost by more than a fifth if it were wrong: the views ask the user to confirm these first.
 */
export interface ConfirmItem {
  /** The profile key (`stakes`, `humanReview`, `users`, `pricePerUserMonth`…). */
  key: string;
  value: unknown;
  source: "heuristic" | "default";
  /** The words the value was read from, when it was read. */
  evidence?: string[];
  affects: ConfirmEffect[];
  /** The plausible other value that was tried, and what the plan would then say (only what changed). */
  alternative: { value: unknown; verdict?: Verdict; primaryTier?: Tier; oneOffTotal?: number };
}

/**
 * Version of the plan's shape. Bump it whenever a field is added, removed or changes meaning: stored plans of any other
 * version are recomputed from their stored input when read (app/models/plan-codec.server.ts).
 * 3 (issue 9, after issue 10's 2): techniques[].gate, regulations[], confirm[] and the verdict capped by the plan's own economics.
 */
export const PLAN_SCHEMA_VERSION = 3;

/**
 * The one result of the pipeline: the estimators' figures (`Estimates`) and the judgment around them. Deterministic:
 * the same input (and LLM proposal) gives the same plan.
 */
export interface DecisionPlan extends Estimates {
  schemaVersion: typeof PLAN_SCHEMA_VERSION;
  title: string;
  locale: Locale;
  currency: Currency;
  input: ScenarioInput;
  profile: Profile;
  feasibility: Feasibility;
  primaryTier: Tier;
  techniques: TechniqueChoice[];
  risks: Risk[];
  /** Uses that regulation forbids or gates where the product is offered, each citing its rule. */
  regulations: RegulatoryFinding[];
  /** Inferred facts to confirm before deciding, most consequential first. */
  confirm: ConfirmItem[];
  llm: LlmInfo;
  meta: { engineVersion: string; knowledgeBaseVersion: string };
}
