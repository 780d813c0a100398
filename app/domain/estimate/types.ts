// Contract-level shapes of the estimates. The estimator modules own this file and may add fields; never rename.
// All money is a plain number in the plan's currency (`currency`), rounded by `roundMoney`; fields named `...Usd`
// are in US dollars whatever the plan's currency (GPU and API price tables are quoted in USD).
import type { LocalizedText } from "~/domain/text";

// ───────────────────────────── assumptions ─────────────────────────────

export type AssumptionSource = "user" | "profile" | "kb" | "default" | "heuristic" | "llm";

/** Triangular range used by the Monte Carlo: low ≤ mode ≤ high, mode is usually the value. */
export interface AssumptionRange {
  low: number;
  mode: number;
  high: number;
}

/** Which part of the plan an assumption feeds (for grouping in the UI and the PDF). */
export type AssumptionGroup = "team" | "timeline" | "data" | "feedback" | "compute" | "cost" | "finance";

export interface Assumption {
  /** Stable key, e.g. `finance.pricePerUserMonth`; overridable through `input.assumptions[key]`. */
  key: string;
  value: number | string | boolean;
  unit?: string;
  label?: LocalizedText;
  source: AssumptionSource;
  /** For `kb`: the citation of the knowledge-base entry (paper, blog, price page, with date). */
  citation?: string;
  /** Present when the figure is uncertain and drawn in the Monte Carlo. */
  range?: AssumptionRange;
  group?: AssumptionGroup;
  /** Set when the value came from `input.assumptions` / `input.business` rather than the default. */
  overridden?: boolean;
}

// ───────────────────────────── team ─────────────────────────────

export type RoleId =
  | "pm"
  | "ops_curator"
  | "domain_annotator"
  | "prompt_engineer"
  | "backend_engineer"
  | "ml_engineer"
  | "mlops_engineer";

export interface PhaseFte {
  phaseId: string;
  fte: number;
}

export interface TeamRole {
  role: RoleId | string;
  label: LocalizedText;
  /** Peak headcount for the role: whole people, the ceiling of its largest concurrent FTE (not a sum of phase seats). */
  count: number;
  /** FTE on each build phase where the role works (phases absent here: 0). */
  ftePerPhase: PhaseFte[];
  /** Σ fte × weeks over the build phases. */
  personWeeks: number;
  /** Loaded monthly rate per FTE in the plan's currency (from data/roles.json, converted). */
  monthlyRate: number;
  /** Labour cost of the build (person-weeks × rate), plan currency. */
  labourCost: number;
  /** FTE kept after launch to run the feedback loop / operate the system. */
  runFte: number;
  /** Monthly cost of `runFte`, plan currency. */
  runMonthlyCost: number;
}

export interface Team {
  roles: TeamRole[];
  /** Σ count. */
  headcount: number;
  personWeeks: number;
  /** One-off labour cost of the build phases, plan currency. */
  labourCost: number;
  /** Monthly labour cost after launch, plan currency. */
  runMonthlyCost: number;
  currency: "CNY" | "USD";
}

// ───────────────────────────── timeline ─────────────────────────────

export type PhaseId =
  | "discovery"
  | "knowledge_prep"
  | "prompt_prototype"
  | "data_curation"
  | "first_finetune"
  | "integration"
  | "internal_trial"
  | "iteration"
  | "production_feedback";

/** The work that drove the length of a phase: `quantity / ratePerWeek` (plus fixed weeks) → weeks. */
export interface WorkVolume {
  quantity: number;
  unit: string;
  label: LocalizedText;
  ratePerWeek: number;
  /** Rounds of the phase (SFT/RM iteration rounds), 1 otherwise. */
  rounds: number;
}

export interface TimelinePhase {
  id: PhaseId | string;
  /** In the plan's locale. */
  name: string;
  nameText: LocalizedText;
  startWeek: number;
  weeks: number;
  dependsOn: string[];
  roles: { role: string; fte: number }[];
  workVolume?: WorkVolume;
  /** true for production feedback collection: it starts at launch and continues (its `weeks` is the first cycle shown). */
  ongoing: boolean;
  /** The phase ends at the launch milestone (first production version). */
  milestone?: LocalizedText;
}

export interface Timeline {
  phases: TimelinePhase[];
  /** Weeks until the end of the last phase shown (the Gantt width). */
  totalWeeks: number;
  /** Week at which the first version is in production (the start of production feedback). */
  launchWeek: number;
}

// ───────────────────────────── data and feedback ─────────────────────────────

export interface DataAnchor {
  id: string;
  name: string;
  examples: number;
  kind: "sft" | "reward_model" | "rl_prompts";
  citation: string;
}

export type DataNeedId = "sft" | "reward_model" | "eval" | "few_shot" | "rag_documents";

export interface DataNeed {
  id: DataNeedId;
  label: LocalizedText;
  /** The task that sets the size (the most demanding of the scenario's tasks). */
  task: string;
  tier: 1 | 2 | 3;
  examplesNeeded: number;
  onHand: number;
  toCollect: number;
  unit: string;
  /** Anchor id from `anchors` the size is scaled from. */
  anchorId?: string;
  minutesPerItem: number;
  annotationHours: number;
  annotationCost: number;
}

export interface DataPlan {
  needs: DataNeed[];
  anchors: DataAnchor[];
  tokensPerExample: number;
  totalToCollect: number;
  annotationHours: number;
  /** Plan currency. */
  annotationCost: number;
  currency: "CNY" | "USD";
}

export interface FeedbackPlan {
  /** explicit + implicit feedback items per month in production. */
  perMonth: number;
  explicitPerMonth: number;
  implicitPerMonth: number;
  mode: "explicit" | "implicit" | "none";
  /** Comparisons needed for a reward model (InstructGPT-scale, scaled by tier/task); 0 when no RM in the plan. */
  rewardModelTarget: number;
  preferencePairsOnHand: number;
  /** Months of production feedback to reach the RM target; 0 if already there; null if never (no feedback flow). */
  monthsToRewardModelTarget: number | null;
  /** The terms of `perMonth = users × interactions/day × working days × rate`. */
  inputs: {
    users: number;
    interactionsPerUserPerDay: number;
    workingDaysPerMonth: number;
    explicitRate: number;
    implicitRate: number;
    /** A pick of one of k candidates yields k−1 comparisons (Midjourney: 1 of 4 → 3). */
    comparisonsPerImplicitEvent: number;
  };
  formula: string;
}

// ───────────────────────────── compute ─────────────────────────────

export type GpuId =
  | "a100-40g"
  | "a100-80g"
  | "h100-80g"
  | "h200-141g"
  | "l40s-48g"
  | "a6000-48g"
  | "rtx4090-24g"
  | "a10-24g"
  | "v100-32g";

export type FineTuneMethod = "full" | "lora" | "qlora";
export type Precision = "fp16" | "int8" | "int4";

export interface MemoryBreakdownGb {
  weights: number;
  gradients: number;
  optimizer: number;
  activations: number;
  overhead: number;
}

export interface FineTuneEstimate {
  method: FineTuneMethod;
  paramsB: number;
  gpu: GpuId;
  gpuMemoryGb: number;
  examples: number;
  tokensPerExample: number;
  epochs: number;
  /** examples × tokensPerExample × epochs. */
  trainingTokens: number;
  /** 6·P·D (+ the recompute share for PEFT with gradient checkpointing). */
  flops: number;
  mfu: number;
  /** Memory needed on each GPU (sharded over `gpus` for full fine-tuning, ZeRO-3 style). */
  memoryGbPerGpu: number;
  /** Unsharded total (what a single GPU would need). */
  memoryGbTotal: number;
  memoryBreakdownGb: MemoryBreakdownGb;
  gpus: number;
  gpuHours: number;
  wallHours: number;
  pricePerGpuHourUsd: number;
  costUsd: number;
  /** Cost of all rounds in the plan's currency. */
  cost: number;
  /** The job fits in `gpus` × memory of the chosen GPU. */
  fits: boolean;
  /** Fine-tune runs in the plan (first round + iteration rounds). */
  runs: number;
}

export interface ServingEstimate {
  paramsB: number;
  precision: Precision;
  gpu: GpuId;
  gpuMemoryGb: number;
  contextTokens: number;
  concurrency: number;
  weightsGb: number;
  kvCacheGb: number;
  overheadGb: number;
  totalGb: number;
  /** GPUs to hold the model and the KV cache of `concurrency` requests. */
  gpus: number;
  /** Replicas × gpus, kept on 24/7 (plan) — monthly GPU-hours. */
  monthlyGpuHours: number;
  monthlyCostUsd: number;
  /** Plan currency. */
  monthlyCost: number;
}

export interface ApiEstimate {
  provider: string;
  model: string;
  inputPerMTokUsd: number;
  outputPerMTokUsd: number;
  monthlyRequests: number;
  monthlyInputTokens: number;
  monthlyOutputTokens: number;
  monthlyTokens: number;
  monthlyCostUsd: number;
  /** Plan currency. */
  monthlyCost: number;
  priceDate: string;
  citation: string;
}

export type DeploymentChoice = "api" | "self_hosted";

export interface Compute {
  /** Parameters (billions) of the open model to fine-tune / serve; the plan's default follows the profile. */
  modelSizeB: number;
  deployment: DeploymentChoice;
  deploymentReason: LocalizedText;
  /** The fine-tune in the plan (method chosen from the techniques), null for tier 1/2 plans. */
  fineTune: FineTuneEstimate | null;
  /** Full / LoRA / QLoRA side by side for the same job, for comparison. */
  fineTuneOptions: FineTuneEstimate[];
  /** Self-hosted serving of the open model: the choice when `deployment` is self_hosted, the alternative otherwise. */
  serving: ServingEstimate;
  /** The hosted API alternative (or the choice): the first is the chosen one. */
  api: ApiEstimate;
  apiAlternatives: ApiEstimate[];
  monthlyRequests: number;
  exchangeRateCnyPerUsd: number;
}

// ───────────────────────────── cost ─────────────────────────────

export type CostCategory = "labour" | "compute" | "annotation" | "inference" | "other";

export interface CostLine {
  id: string;
  category: CostCategory;
  label: LocalizedText;
  oneOff: number;
  monthly: number;
}

export interface CostCategoryTotal {
  category: CostCategory;
  label: LocalizedText;
  oneOff: number;
  monthly: number;
}

export interface Cost {
  currency: "CNY" | "USD";
  lines: CostLine[];
  byCategory: CostCategoryTotal[];
  oneOffTotal: number;
  monthlyTotal: number;
  /** oneOff + 12 × monthly (running months only). */
  firstYearTotal: number;
}

// ───────────────────────────── finance ─────────────────────────────

export type FinanceModel = "toC" | "toB" | "internal";

export interface FinanceMonth {
  /** 1-based month from project start. */
  month: number;
  /** toC/toB revenue, plan currency (0 for internal). */
  revenue: number;
  /** internal savings, plan currency (0 for toC/toB). */
  savings: number;
  /** All costs of the month: build labour and one-offs while building, running costs after launch. */
  costs: number;
  net: number;
  cumulative: number;
  /** Paying users (toC), customers (toB) or adopting staff (internal). */
  activeUnits: number;
}

export interface SensitivityRow {
  key: string;
  label: LocalizedText;
  base: number;
  low: number;
  high: number;
  /** NPV with the driver at −20% / +20%. */
  npvLow: number;
  npvHigh: number;
  breakEvenLow: number | null;
  breakEvenHigh: number | null;
  /** |npvHigh − npvLow|: the tornado bar length; rows are sorted by it, largest first. */
  effect: number;
}

export interface Band {
  p10: number;
  p50: number;
  p90: number;
}

/** Percentiles of the break-even month; null = not within the horizon at that percentile. */
export interface NullableBand {
  p10: number | null;
  p50: number | null;
  p90: number | null;
}

export interface CumulativeBandPoint extends Band {
  month: number;
}

export interface Finance {
  currency: "CNY" | "USD";
  model: FinanceModel;
  horizonMonths: number;
  months: FinanceMonth[];
  breakEvenMonth: number | null;
  /** Everything spent (build and running costs) up to and including the break-even month; null when it never breaks even. */
  costToBreakEven: number | null;
  totalRevenue: number;
  totalCost: number;
  /** (total benefit − total cost) / total cost over the horizon. */
  roi: number;
  npv: number;
  /** Annual discount rate used for the NPV. */
  discountRate: number;
  /** Month the product goes live (benefits start the month after). */
  launchMonth: number;
  /** Steady-state monthly benefit (revenue or savings) at the end of the horizon. */
  monthlyBenefitAtHorizon: number;
  sensitivity: SensitivityRow[];
  ranges: {
    breakEvenMonth: NullableBand;
    /** Share of Monte Carlo runs that break even within the horizon. */
    breakEvenProbability: number;
    npv: Band;
    roi: Band;
    cumulative: CumulativeBandPoint[];
  };
  monteCarlo: { seed: number; runs: number; distribution: "triangular" };
  exchangeRateCnyPerUsd: number;
}
