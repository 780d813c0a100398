// Contract-level shapes of the estimates. The estimator modules own this file and may add fields; never rename.
// All money is a plain number in the plan's currency (`currency`), rounded by `roundMoney`; fields named `...Usd`
// are in US dollars whatever the plan's currency (GPU and API price tables are quoted in USD).
// No prose: what a figure is called and why it is what it is travel as keys and codes (`Derivation`), which the views
// turn into words (app/i18n/assumption-labels.ts, app/i18n/derivations.ts).
import type { AssumptionGroup, UnitKind } from "~/domain/estimate/assumptions/registry";
import type { LocalizedText } from "~/domain/text";
import type { Market, RevenueModel } from "~/domain/scenario";

export type { AssumptionGroup, UnitKind };

// ───────────────────────────── assumptions ─────────────────────────────

export type AssumptionSource = "user" | "profile" | "kb" | "default" | "heuristic" | "llm";

/** Why a derived figure is what it is: a code the views put into words, with the numbers it came from. */
export interface Derivation {
  code: string;
  params?: Record<string, string | number>;
}

/** Triangular range used by the Monte Carlo: low ≤ mode ≤ high, mode is usually the value. */
export interface AssumptionRange {
  low: number;
  mode: number;
  high: number;
}

export interface Assumption {
  /** Stable key, e.g. `finance.pricePerUserMonth`; overridable through `input.assumptions[key]` when numeric. */
  key: string;
  value: number | string | boolean;
  unit?: string;
  unitKind: UnitKind;
  source: AssumptionSource;
  /** For `kb`: the citation of the knowledge-base entry (paper, blog, price page, with date). */
  citation?: string;
  /** For figures the estimators derive: how, as a code with parameters. */
  derivation?: Derivation;
  /** Present when the figure is uncertain and drawn in the Monte Carlo. */
  range?: AssumptionRange;
  group: AssumptionGroup;
  /** Set when the value came from `input.assumptions` / `input.business` rather than the default. */
  overridden?: boolean;
  /** A technical knob (seed, efficiency, overhead). */
  advanced?: boolean;
}

// ───────────────────────────── team ─────────────────────────────

export type RoleId =
  | "pm"
  | "ops_curator"
  | "domain_annotator"
  | "prompt_engineer"
  | "backend_engineer"
  | "ml_engineer"
  | "mlops_engineer"
  | "sales_rep"
  | "customer_success";

export interface PhaseFte {
  phaseId: string;
  fte: number;
}

export interface TeamRole {
  role: RoleId | string;
  /** The role's name from the knowledge base (data/roles.json). */
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
  /** FTE kept after launch to run the feedback loop, operate the system, sell and look after customers. */
  runFte: number;
  /** Monthly cost of `runFte`, plan currency. */
  runMonthlyCost: number;
}

export interface Team {
  roles: TeamRole[];
  /** Σ count: the people to staff at the peak. */
  headcount: number;
  /** Person-weeks of the build ÷ weeks to launch: the people the build keeps busy on average. */
  averageFte: number;
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
  /** What the quantity counts, as a code (`documents`, `curation`, `training_run`…) with its parameters. */
  kind: string;
  params?: Record<string, string | number>;
  ratePerWeek: number;
  /** Rounds of the phase (SFT/RM iteration rounds), 1 otherwise. */
  rounds: number;
}

export interface TimelinePhase {
  id: PhaseId | string;
  /** The variant of the phase (its name in the knowledge base: data/estimation.json `phases`). */
  nameKey: string;
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
  /** Week at which a first version is in real users' hands (the start of the internal trial or pilot). */
  firstVersionWeek: number;
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

/** How people treat the outputs, which decides what feedback each output yields. */
export interface ReviewDesign {
  humanReview: "always" | "sampled" | "none";
  /** Share of outputs a person reviews: 1 when always, the sample when sampled, 0 when none. */
  reviewShare: number;
  /** Share of reviewed outputs edited before they go out (each edit is a supervised pair). */
  editShare: number;
  /** Users pick one of k candidates (k − 1 comparisons per pick), when the product shows candidates. */
  candidatesPerPick: number | null;
  /** Days of use per month: calendar days for consumers and citizens, working days for staff. */
  daysPerMonth: number;
}

export interface FeedbackPlan {
  /** Feedback items per month in production: reviewed outputs (each a label), picks and thumbs. */
  perMonth: number;
  /** Outputs a person reviews each month; every one is a label (accept, edit or reject). */
  reviewedPerMonth: number;
  /** Reviewed outputs that were edited: supervised (draft → final) pairs for fine-tuning. */
  supervisedPairsPerMonth: number;
  /** Picks of one candidate among k. */
  picksPerMonth: number;
  /** Pairwise preferences: (k − 1) per pick. */
  comparisonsPerMonth: number;
  /** Thumbs up/down on the outputs nobody reviews. */
  explicitPerMonth: number;
  /** Picks and edits the product observes without asking (kept for older readers: picks + supervised pairs). */
  implicitPerMonth: number;
  mode: "explicit" | "implicit" | "none";
  review: ReviewDesign;
  /** Comparisons needed for a reward model (InstructGPT-scale, scaled by tier/task); 0 when no RM in the plan. */
  rewardModelTarget: number;
  preferencePairsOnHand: number;
  /** Months of production feedback to reach the RM target; 0 if already there; null if never (no feedback flow). */
  monthsToRewardModelTarget: number | null;
  /** The terms of the monthly volume. */
  inputs: {
    users: number;
    interactionsPerUserPerDay: number;
    /** Days of use per month (calendar days for consumers, working days for staff); the rules count the same. */
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
  | "a800-80g"
  | "h100-80g"
  | "h200-141g"
  | "h20-96g"
  | "l20-48g"
  | "l40s-48g"
  | "a6000-48g"
  | "rtx4090-24g"
  | "a10-24g"
  | "v100-32g";

export type FineTuneMethod = "full" | "lora" | "qlora";
export type Precision = "fp16" | "fp8" | "int8" | "int4";

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
  /** Mean tokens per example (with packing: no padding to a maximum length). */
  tokensPerExample: number;
  epochs: number;
  /** examples × tokensPerExample × epochs. */
  trainingTokens: number;
  /** 6·P·D (+ the recompute share for PEFT with gradient checkpointing). */
  flops: number;
  /** Model FLOPs utilisation the time is computed at (method, tokens per step and GPU). */
  mfu: number;
  /** Tokens processed per optimizer micro-step (micro-batch × sequence), which sets the efficiency. */
  tokensPerStep: number;
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

/** An open model family member the plan serves or fine-tunes (data/models.json). */
export interface OpenModel {
  id: string;
  name: string;
  paramsB: number;
  activeParamsB: number;
  attention: "gqa" | "mla" | "mha";
  kvBytesPerTokenFp16: number;
}

export interface ServingEstimate {
  /** The open model served (data/models.json), when self-hosting is sized for a family member. */
  model?: OpenModel;
  paramsB: number;
  precision: Precision;
  gpu: GpuId;
  gpuMemoryGb: number;
  contextTokens: number;
  concurrency: number;
  weightsGb: number;
  kvCacheGb: number;
  kvBytesPerToken: number;
  overheadGb: number;
  totalGb: number;
  /** GPUs per replica: a valid tensor-parallel degree (1, 2, 4, 8) that holds the weights and the KV cache. */
  gpusPerReplica: number;
  /** Replicas the peak load needs (throughput). */
  replicas: number;
  /** gpusPerReplica × replicas. */
  gpus: number;
  /** GPU-seconds one request takes at the published throughput (prefill + decode). */
  gpuSecondsPerRequest: number;
  /** `rented` cloud GPUs kept on 24/7, or `owned` on-premises hardware (purchase, amortisation, power). */
  ownership: "rented" | "owned";
  pricePerGpuHourUsd: number;
  monthlyGpuHours: number;
  /** Owned: the purchase of the GPUs and their hosts (one-off), its monthly amortisation and the power bill. */
  purchaseUsd: number;
  amortisationMonthlyUsd: number;
  powerMonthlyUsd: number;
  /** What the plan pays each month for serving: rent, or power for owned hardware (the purchase is one-off). */
  monthlyCostUsd: number;
  /** Plan currency. */
  monthlyCost: number;
}

export interface ApiEstimate {
  id: string;
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
export type ModelTier = "small" | "mid" | "frontier";

/** Tokens a request reads and writes for the plan's task mix. */
export interface Workload {
  /** The task profile that sets the request (`coding_agent`, `text_to_sql`, `qa` with retrieval…). */
  profile: string;
  inputTokens: number;
  outputTokens: number;
  /** Model calls per request (agent steps); 1 for a single call. */
  steps: number;
  tokensPerRequest: number;
  /** Why the profile is what it is (retrieved chunks, pages, audio minutes). */
  derivation: Derivation;
}

export interface ModelChoice {
  tier: ModelTier;
  /** The hosted model (data/prices.json id). */
  apiId: string;
  /** The open model for self-hosting and fine-tuning (data/models.json id). */
  openId: string;
  reason: string;
  derivation: Derivation;
}

export interface ServiceCost {
  id: "speech_to_text" | "ocr" | "vector_db" | "embeddings";
  unit: string;
  quantityPerMonth: number;
  monthlyCostUsd: number;
  monthlyCost: number;
  /** One-off cost (embedding the corpus once). */
  oneOffUsd: number;
  citation: string;
}

export interface Compute {
  /** Parameters (billions) of the open model to fine-tune / serve. */
  modelSizeB: number;
  deployment: DeploymentChoice;
  deploymentReason: Derivation;
  model: ModelChoice;
  workload: Workload;
  /** The fine-tune in the plan (method chosen from the techniques), null for tier 1/2 plans. */
  fineTune: FineTuneEstimate | null;
  /** Full / LoRA / QLoRA side by side for the same job, for comparison. */
  fineTuneOptions: FineTuneEstimate[];
  /** Self-hosted serving of the open model: the choice when `deployment` is self_hosted, the alternative otherwise. */
  serving: ServingEstimate;
  /** The hosted API (the choice when `deployment` is api, the alternative otherwise). */
  api: ApiEstimate;
  apiAlternatives: ApiEstimate[];
  /** Speech-to-text, OCR, the vector database and embeddings the workload needs. */
  services: ServiceCost[];
  monthlyRequests: number;
  /** Inference (API or serving) + services per month at full use, plan currency. */
  monthlyCostAtFullUse: number;
  exchangeRateCnyPerUsd: number;
}

// ───────────────────────────── cost ─────────────────────────────

export type CostCategory = "labour" | "compute" | "annotation" | "inference" | "other";

export interface CostLine {
  id: string;
  category: CostCategory;
  oneOff: number;
  monthly: number;
}

export interface CostCategoryTotal {
  category: CostCategory;
  oneOff: number;
  monthly: number;
}

export interface Cost {
  currency: "CNY" | "USD";
  lines: CostLine[];
  byCategory: CostCategoryTotal[];
  oneOffTotal: number;
  /** Running costs a month at full use (the finance model scales the variable part with active users). */
  monthlyTotal: number;
  /** oneOff + 12 × monthly (running months only). */
  firstYearTotal: number;
}

// ───────────────────────────── constraints and quality ─────────────────────────────

export interface ConstraintCheck {
  kind: "team" | "weeks" | "budget";
  stated: number;
  /**
   * What the plan needs: for `team`, the full-time equivalents working at once at the busiest time of the build,
   * rounded up — not `team.headcount`, which counts every person named, part-time ones included (a two-engineer
   * startup: 2 FTE at peak, 3 people with a part-time PM and annotator); the label says so ("constraint.team");
   * weeks to the first version in users' hands; one-off cost.
   */
  planned: number;
  fits: boolean;
  source: "user" | "heuristic" | "llm";
  evidence?: string[];
}

/** The largest scope that fits every stated constraint, when the plan as proposed does not. */
export interface ConstraintScope {
  /** `as_planned`, `no_iteration`, `without_fine_tune`, `prompt_only`, `first_task_prompt_only`, or `none_fits`. */
  code: string;
  params: Record<string, string | number>;
  team: number;
  weeks: number;
  budget: number;
  fits: boolean;
}

export interface QualityPoint {
  round: number;
  low: number;
  mid: number;
  high: number;
  /** Where the point comes from: the band's published source, or the round-gain assumption. */
  source: string;
}

export interface Quality {
  metric: string;
  /** The task whose published band is used. */
  task: string;
  tier: 1 | 2 | 3;
  low: number;
  high: number;
  /** The share a version must reach before users rely on it (the eval gate), by stakes. */
  threshold: number;
  sources: string[];
  /** Projected quality over feedback rounds (round 0 = the first version). */
  rounds: QualityPoint[];
  /** First round whose middle estimate reaches the threshold; null when the band's top is below it. */
  roundsToThreshold: number | null;
}

// ───────────────────────────── finance ─────────────────────────────

/** Kept for readers of older plans: the market the finance model was chosen from. */
export type FinanceModel = Market;

export interface FinanceMonth {
  /** 1-based month from project start. */
  month: number;
  /** Revenue net of nothing (fees are costs), plan currency (0 for savings and none). */
  revenue: number;
  /** Internal savings, plan currency (0 for revenue models). */
  savings: number;
  /** All costs of the month: build labour and one-offs while building, running and variable costs after launch. */
  costs: number;
  net: number;
  cumulative: number;
  /** Paying users (subscription, usage), customers (seats, contract) or adopting staff (savings). */
  activeUnits: number;
}

export interface SensitivityRow {
  key: string;
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

/** Per active unit (user, seat or customer), at the horizon. null where a figure does not apply. */
export interface UnitEconomics {
  /** Running cost that follows use (inference, services, support) per active user a month. */
  costPerActiveUserMonth: number | null;
  /** (revenue − fees − variable costs) ÷ revenue. */
  grossMargin: number | null;
  /** Margin a unit brings over its life: ARPU × gross margin ÷ churn. */
  ltv: number | null;
  /** Acquisition cost per new paying user or customer. */
  cac: number | null;
  ltvToCac: number | null;
  /** Months of margin to earn the CAC back. */
  paybackMonths: number | null;
}

export interface Finance {
  currency: "CNY" | "USD";
  /** The market (toC / toB / internal), kept for older readers. */
  model: FinanceModel;
  revenueModel: RevenueModel;
  /** For `none`: why the plan has value though it earns nothing (a code, e.g. `public_service`). */
  valueStatement?: Derivation;
  horizonMonths: number;
  months: FinanceMonth[];
  breakEvenMonth: number | null;
  /** Everything spent (build and running costs) up to and including the break-even month; null when it never breaks even. */
  costToBreakEven: number | null;
  /** Revenue over the horizon (0 for savings and cost-only plans). */
  totalRevenue: number;
  /** Internal savings over the horizon (savings plans only). */
  totalSavings: number;
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
  unitEconomics: UnitEconomics;
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
