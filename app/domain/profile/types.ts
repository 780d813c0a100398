import type { Currency, RevenueModel, Deployment, HumanReview, Industry, Knowledge, Locale, Market, Stakes, Task } from "~/domain/scenario";

/** Where a profile fact came from. What the user set always wins. */
export type FactSource = "user" | "llm" | "heuristic" | "default";

export interface Fact<T> {
  value: T;
  source: FactSource;
  /** For heuristics: the words that matched. For the LLM: the quoted words of the description that support it. */
  evidence?: string[];
  /**
   * Why the value is what it is when it is not simply the words or a default: a code of FACT_NOTE_CODES with its
   * `noteParams` (or business codes joined by "; "), worded in the reader's language when shown
   * (app/i18n/fact-notes.ts). Plans stored before the codes hold English prose here, shown as written.
   */
  note?: string;
  /** The values a coded note names (a stakes level, a driver, a count, the quoted words), as ids and numbers. */
  noteParams?: FactNoteParams;
}

export type FactNoteParams = Record<string, string | number | boolean | string[]>;

/**
 * The notes the profile and the AI merge give a fact, as codes (app/i18n/fact-notes.ts words them):
 * - `public_from_market`: consumer products reach the public;
 * - `stakes_stated_floor` {stated, driver, level}: the stated stakes are below the floor a driver sets;
 * - `stakes_floor` {driver, level, read?}: a driver sets at least `level` (the words read `read`);
 * - `stakes_industry_medium` {quote, industry}: a low-stakes word, kept at medium by the industry;
 * - `stakes_industry_high` {industry}: no stakes words, a high-stakes industry;
 * - `review_unmonitored`, `review_live_public`: why no one reviews the output;
 * - `per_period` {period, days}: a habit per week or month over the working days;
 * - `total_over_users` {total, users}: a daily total spread over the users;
 * - `users_default` {market}: the usual user count for the market;
 * - `ai_*`: what the merge of an AI proposal did (app/domain/llm/merge.ts).
 */
export const FACT_NOTE_CODES = [
  "public_from_market",
  "stakes_stated_floor",
  "stakes_floor",
  "stakes_industry_medium",
  "stakes_industry_high",
  "review_unmonitored",
  "review_live_public",
  "per_period",
  "total_over_users",
  "users_default",
  "ai_cautious_kept",
  "ai_cautious_taken",
  "ai_unordered",
  "ai_merged",
  "ai_dropped",
  "ai_stakes_floor",
] as const;
export type FactNoteCode = (typeof FACT_NOTE_CODES)[number];

/** How users of the product give feedback the team can learn from (the seed: a Midjourney pick of 1 image of 4 counts). */
export type FeedbackMode = "explicit" | "implicit" | "none";

/**
 * Every fact the rules and estimators need. Keys are stable: the rules refer to them by name
 * (`stakes`, `data.labeledExamples` is flattened to `labeledExamples`, etc.).
 */
export interface Profile {
  locale: Fact<Locale>;
  industry: Fact<Industry>;
  market: Fact<Market>;
  tasks: Fact<Task[]>;
  knowledge: Fact<Knowledge[]>;
  stakes: Fact<Stakes>;
  humanReview: Fact<HumanReview>;
  deployment: Fact<Deployment>;
  replacesSystemOfRecord: Fact<boolean>;
  labeledExamples: Fact<number>;
  documents: Fact<number>;
  chatLogs: Fact<number>;
  preferencePairs: Fact<number>;
  users: Fact<number>;
  interactionsPerUserPerDay: Fact<number>;
  feedbackMode: Fact<FeedbackMode>;
  /** A consistent house voice or format the output must keep (brand tone, report template). */
  houseStyle: Fact<boolean>;
  /** Personal or sensitive data flows through the system (patients, clients, minors). */
  personalData: Fact<boolean>;
  /** The description or the business inputs state how it makes or saves money (a price, a contract, hours saved). */
  businessCase: Fact<boolean>;
  // Judgment signals (issue 9). Optional in the type only so that hand-built profiles (fixtures, plans saved before
  // they existed) stay valid; buildProfile sets every one, and the engine reads a missing one as its default.
  /** The output reaches the public or customers directly, not only staff. */
  publicFacing?: Fact<boolean>;
  /** What raises the cost of a wrong answer here (ids of data/signals.json `stakeDrivers`: minors, binding_commitments…). */
  stakeDrivers?: Fact<string[]>;
  /** Stated safeguards (ids of data/signals.json `safeguards`: human_handoff, approval_before_write…). */
  safeguards?: Fact<string[]>;
  /** Nobody will watch the system while it runs ("no staff will monitor it"). */
  unmonitored?: Fact<boolean>;
  /** Answers must be grounded in, cite or stay faithful to a corpus (statutes, case law, policies, web pages). */
  groundedAnswers?: Fact<boolean>;
  /** The system looks up one customer's (or case's) records: an order, an account, a booking. */
  recordLookup?: Fact<boolean>;
  /** Questions are analytics over tables (metrics, trends, reports). */
  analytics?: Fact<boolean>;
  /** People choose between candidate outputs (pick one of four, A/B): preference data will exist. */
  preferenceSignal?: Fact<boolean>;
  /** The team plans to collect or label examples. */
  collectionPlanned?: Fact<boolean>;
  /** The text says a lower tier (prompting, few-shot, retrieval) was tried and missed the bar. */
  lowerTierFailed?: Fact<boolean>;
  /** A skill base models lack (a low-resource language or dialect, a proprietary format). */
  skillGap?: Fact<boolean>;
  /** The plan is to pretrain a model from scratch. */
  pretraining?: Fact<boolean>;
  /** Uses that regulation forbids or gates (ids of data/regulations.json `uses`). */
  regulatedUses?: Fact<string[]>;
  /** Where the product is offered (ids of data/regulations.json `jurisdictions`: CN, EU, US, US-CA…); empty = unknown. */
  jurisdictions?: Fact<string[]>;
  /** Regulatory clearances already held (filed, licensed, device_cleared). */
  clearances?: Fact<string[]>;
  /** What kind of value the project brings: financial, or non-financial (compliance, safety, public_service). */
  valueKind?: Fact<string>;
  // Business figures for the finance model, named as in `business.*` of the input: `user` when set there,
  // `heuristic` when the description states them (evidence: the words), else value null with source `default`.
  // Optional in the type only so that hand-built profiles (fixtures, saved plans) stay valid; buildProfile sets all.
  pricePerUserMonth?: BusinessFact;
  contractValuePerYear?: BusinessFact;
  targetCustomers?: BusinessFact;
  staffAffected?: BusinessFact;
  hoursSavedPerStaffPerWeek?: BusinessFact;
  loadedHourlyWage?: BusinessFact;
  adoptionRate?: BusinessFact;
  conversionRate?: BusinessFact;
  monthlyChurnRate?: BusinessFact;
  salesCycleMonths?: BusinessFact;
  acquisitionCostPerCustomer?: BusinessFact;
  channelFeeShare?: BusinessFact;
  marketSize?: BusinessFact;
  payingCustomers?: BusinessFact;
  monthlyReach?: BusinessFact;
  seatsPerCustomer?: BusinessFact;
  pricePerUse?: BusinessFact;
  deflectionRate?: BusinessFact;
  costPerContact?: BusinessFact;
  minutesSavedPerUse?: BusinessFact;
  /** How the product makes or saves money (input `business.revenueModel`, else inferred from the words and market). */
  revenueModel?: Fact<RevenueModel>;
  // Constraints the team states (input `constraints.*`, else the description: "2 engineers, 8 weeks", "预算 50 万").
  constraintTeamSize?: BusinessFact;
  constraintWeeks?: BusinessFact;
  constraintBudget?: BusinessFact;
  // What one use reads (input `usage.*`, else the description: "150-page contracts", "calls last 30 minutes").
  pagesPerUse?: BusinessFact;
  audioMinutesPerUse?: BusinessFact;
  /** The input is audio to transcribe (calls, meetings, recordings). */
  audioInput?: Fact<boolean>;
  /** The input is scanned paper or images read with OCR. */
  scannedInput?: Fact<boolean>;
}

/** A business figure; null when neither the user nor the description states it. */
export interface BusinessFact extends Fact<number | null> {
  /** Money only: the currency it was stated in. The estimator converts it when the plan's currency differs. */
  // `note`, when set, holds derivation codes joined by "; " (BUSINESS_NOTE_CODES in profile/business.ts).
  currency?: Currency;
  /** An approximate statement ("月付几十元"): the span the words allow around the value, in the same unit and currency. */
  range?: { low: number; high: number };
}

export type ProfileKey = keyof Profile;
