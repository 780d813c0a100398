import type {
  Currency,
  RevenueModel,
  Deployment,
  HumanReview,
  Industry,
  Knowledge,
  Locale,
  Market,
  Stakes,
  Task,
} from "~/domain/scenario";

/** Where a profile fact came from. What the user set always wins. */
export type FactSource = "user" | "llm" | "heuristic" | "default";

export interface Fact<T> {
  value: T;
  source: FactSource;
  /** For heuristics: the words that matched. For the LLM: the quoted words of the description that support it. */
  evidence?: string[];
  /** Why the value is what it is when sources disagreed (e.g. "LLM said low, heuristic said high; kept the more cautious"). */
  note?: string;
}

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
