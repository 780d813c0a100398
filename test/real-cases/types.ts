import type { Locale, ScenarioInputRaw, Stakes } from "~/domain/scenario";

// The shape of one real, publicly documented LLM deployment used to test Tierwise's judgment.
// The expected judgment is what an experienced LLM lead would have said BEFORE launch, written from the
// ladder in DESIGN.md ("The pipeline") and the seed, without looking at the engine or its rules.

export type Verdict = "go" | "pilot" | "rethink" | "no_go";
export type Tier = 1 | 2 | 3;
export type Outcome = "success" | "failure" | "rollback" | "mixed";

/** DESIGN.md technique ids, plus `tool_calls` (looking up one customer's records) where a case documents why. */
export type TechniqueId =
  | "prompt_engineering"
  | "few_shot"
  | "chain_of_thought"
  | "tree_of_thought"
  | "rag"
  | "text_to_sql"
  | "agent"
  | "tool_calls"
  | "sft"
  | "lora"
  | "qlora"
  | "reward_model"
  | "rlhf"
  | "dpo"
  | "traditional";

/** One technique the plan must commit to, or a list of which any one will do (e.g. `["sft", "lora", "qlora"]`). */
export type Need = TechniqueId | readonly TechniqueId[];

export interface Source {
  title: string;
  url: string;
  publisher: string;
  /** ISO date, `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  date: string;
  /** `published`: the page's own date. `event`: the page shows none, so this is the date of the event it reports. */
  dateKind: "published" | "event";
  /** The fact this case relies on, quoted (or closely excerpted) from the page. */
  quote: string;
}

export interface ExpectedJudgment {
  verdict: Verdict;
  /** The tier the plan commits to now; an escalation waiting on an eval gate does not count. */
  primaryTier: Tier;
  /** Techniques the plan must commit to (without a gate). */
  needs: readonly Need[];
  /** Techniques that must not be committed; they may appear only with a gate. */
  mustNotLead: readonly TechniqueId[];
  stakes: Stakes;
  /** 2–4 sentences: the ladder step, the seed or the regulation behind the judgment. */
  why: string;
}

export interface RealCase {
  id: string;
  locale: Locale;
  outcome: Outcome;
  /** The year of the launch (or the decision) being judged. */
  year: number;
  /** What happened afterwards, in one or two sentences (not shown to the planner). */
  happened: string;
  sources: readonly Source[];
  /** The scenario as its product manager would have entered it before launch. */
  input: ScenarioInputRaw;
  /** What the input assumes beyond the sources, and anything else a reviewer should know. */
  notes: string;
  expected: ExpectedJudgment;
}

/** Fine-tuning and preference methods: committed without evidence, these are the wrong lead for most cases. */
export const TUNING: readonly TechniqueId[] = ["sft", "lora", "qlora", "reward_model", "rlhf", "dpo"];
/** Preference methods only: for cases where supervised tuning is justified but nobody chooses between candidates. */
export const PREFERENCE: readonly TechniqueId[] = ["reward_model", "rlhf", "dpo"];
