// The shape of a stored DecisionPlan, as zod, for the one place plans come back from storage (the plan codec in
// app/models). Objects pass unknown keys through, so a field one stream adds does not break reading; the parse
// output must still be assignable to DecisionPlan (checked at the bottom), so a new *required* field of the plan type
// fails the build here until it is described. Bump PLAN_SCHEMA_VERSION (plan-types.ts) when the shape changes: the
// codec recomputes plans of any other version from their stored input.
import { z } from "zod";
import type { DecisionPlan } from "~/domain/plan-types";
import { PLAN_SCHEMA_VERSION } from "~/domain/plan-types";
import {
  CURRENCIES,
  DEPLOYMENTS,
  GPU_CHOICES,
  HUMAN_REVIEW,
  INDUSTRIES,
  KNOWLEDGE,
  LOCALES,
  MARKETS,
  REVENUE_MODELS,
  ScenarioInputSchema,
  STAKES,
  TASKS,
} from "~/domain/scenario";

const obj = <T extends z.ZodRawShape>(shape: T) => z.object(shape).passthrough();
const num = z.number();
const numOrNull = z.number().nullable();
const text = z.string();
const localized = obj({ zh: text, en: text });
/** Any JSON value (a rule's compared values); unlike z.unknown() it keeps the key required in the output type. */
const json = z.union([text, num, z.boolean(), z.null(), z.array(z.any()), z.record(z.any())]);
const currency = z.enum(CURRENCIES);
const money2 = z.enum(["CNY", "USD"]);
const gpu = z.enum(GPU_CHOICES);

// ── profile ──
const factSource = z.enum(["user", "llm", "heuristic", "default"]);
/** A coded note's parameters (FACT_NOTE_CODES): ids, numbers, yes/no and lists of ids or quoted words. */
const noteParams = z.record(z.union([text, num, z.boolean(), z.array(text)])).optional();
const fact = <T extends z.ZodTypeAny>(value: T) =>
  obj({ value, source: factSource, evidence: z.array(text).optional(), note: text.optional(), noteParams });
const businessFact = obj({
  value: numOrNull,
  source: factSource,
  evidence: z.array(text).optional(),
  note: text.optional(),
  currency: currency.optional(),
  range: obj({ low: num, high: num }).optional(),
}).optional();

const ProfileSchema = obj({
  locale: fact(z.enum(LOCALES)),
  industry: fact(z.enum(INDUSTRIES)),
  market: fact(z.enum(MARKETS)),
  tasks: fact(z.array(z.enum(TASKS))),
  knowledge: fact(z.array(z.enum(KNOWLEDGE))),
  stakes: fact(z.enum(STAKES)),
  humanReview: fact(z.enum(HUMAN_REVIEW)),
  deployment: fact(z.enum(DEPLOYMENTS)),
  replacesSystemOfRecord: fact(z.boolean()),
  labeledExamples: fact(num),
  documents: fact(num),
  chatLogs: fact(num),
  preferencePairs: fact(num),
  users: fact(num),
  interactionsPerUserPerDay: fact(num),
  feedbackMode: fact(z.enum(["explicit", "implicit", "none"])),
  houseStyle: fact(z.boolean()),
  personalData: fact(z.boolean()),
  businessCase: fact(z.boolean()),
  pricePerUserMonth: businessFact,
  contractValuePerYear: businessFact,
  targetCustomers: businessFact,
  staffAffected: businessFact,
  hoursSavedPerStaffPerWeek: businessFact,
  loadedHourlyWage: businessFact,
  adoptionRate: businessFact,
  conversionRate: businessFact,
  monthlyChurnRate: businessFact,
  salesCycleMonths: businessFact,
  acquisitionCostPerCustomer: businessFact,
  channelFeeShare: businessFact,
  marketSize: businessFact,
  payingCustomers: businessFact,
  monthlyReach: businessFact,
  seatsPerCustomer: businessFact,
  pricePerUse: businessFact,
  deflectionRate: businessFact,
  costPerContact: businessFact,
  minutesSavedPerUse: businessFact,
  revenueModel: fact(z.enum(REVENUE_MODELS)).optional(),
  constraintTeamSize: businessFact,
  constraintWeeks: businessFact,
  constraintBudget: businessFact,
  pagesPerUse: businessFact,
  audioMinutesPerUse: businessFact,
  audioInput: fact(z.boolean()).optional(),
  scannedInput: fact(z.boolean()).optional(),
  // Judgment signals (issue 9); optional so a profile saved before them still reads.
  publicFacing: fact(z.boolean()).optional(),
  stakeDrivers: fact(z.array(text)).optional(),
  safeguards: fact(z.array(text)).optional(),
  unmonitored: fact(z.boolean()).optional(),
  groundedAnswers: fact(z.boolean()).optional(),
  recordLookup: fact(z.boolean()).optional(),
  analytics: fact(z.boolean()).optional(),
  preferenceSignal: fact(z.boolean()).optional(),
  collectionPlanned: fact(z.boolean()).optional(),
  lowerTierFailed: fact(z.boolean()).optional(),
  skillGap: fact(z.boolean()).optional(),
  pretraining: fact(z.boolean()).optional(),
  regulatedUses: fact(z.array(text)).optional(),
  jurisdictions: fact(z.array(text)).optional(),
  clearances: fact(z.array(text)).optional(),
  valueKind: fact(text).optional(),
});

// ── assessment ──
const verdict = z.enum(["go", "pilot", "rethink", "no_go"]);
const tier = z.union([z.literal(1), z.literal(2), z.literal(3)]);
const dimension = z.enum(["value", "data_readiness", "technical_fit", "risk_compliance", "org_readiness"]);

const FeasibilitySchema = obj({
  score: num,
  grade: z.enum(["A", "B", "C", "D", "E"]),
  verdict,
  reasons: z.array(
    obj({
      ruleId: text,
      kind: z.enum(["gate", "positive", "negative"]),
      text: localized,
      weight: num,
      dimension: dimension.optional(),
      source: text,
      assumed: z.array(text).optional(),
    }),
  ),
  dimensions: z.array(obj({ id: dimension, score: num, weight: num, label: localized })),
  trace: z.array(
    obj({
      ruleId: text,
      fired: z.boolean(),
      conditions: z.array(obj({ fact: text, operator: text, expected: json, actual: json, pass: z.boolean() })),
      effects: z.array(obj({ dimension, points: num })),
      capVerdict: verdict.optional(),
    }),
  ),
  scoreBeforeGates: num.optional(),
});

const TechniqueSchema = obj({
  id: text,
  tier,
  name: localized,
  why: text,
  whyText: localized,
  triggeredBy: z.array(text),
  kind: z.enum(["llm", "traditional"]),
  sources: z.array(text),
  gate: text.optional(),
  gateText: localized.optional(),
});

// ── judgment (issue 9) ──
const RegulationSchema = obj({
  id: text,
  kind: z.enum(["prohibited", "licence", "signoff", "high_risk", "filing"]),
  jurisdictions: z.array(text),
  capVerdict: verdict.optional(),
  text: localized,
  requirement: localized,
  source: text,
  effective: text,
  marketUnknown: z.boolean().optional(),
});
const ConfirmSchema = obj({
  key: text,
  value: json,
  source: z.enum(["heuristic", "default"]),
  evidence: z.array(text).optional(),
  affects: z.array(z.enum(["verdict", "primaryTier", "oneOffCost"])),
  alternative: obj({
    value: json,
    verdict: verdict.optional(),
    primaryTier: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
    oneOffTotal: num.optional(),
  }),
});

// ── estimates ──
const derivation = obj({ code: text, params: z.record(z.union([text, num])).optional() });
const TeamSchema = obj({
  roles: z.array(
    obj({
      role: text,
      label: localized,
      count: num,
      ftePerPhase: z.array(obj({ phaseId: text, fte: num })),
      personWeeks: num,
      monthlyRate: num,
      labourCost: num,
      runFte: num,
      runMonthlyCost: num,
    }),
  ),
  headcount: num,
  averageFte: num,
  personWeeks: num,
  labourCost: num,
  runMonthlyCost: num,
  currency: money2,
});

const TimelineSchema = obj({
  phases: z.array(
    obj({
      id: text,
      nameKey: text,
      name: text,
      nameText: localized,
      startWeek: num,
      weeks: num,
      dependsOn: z.array(text),
      roles: z.array(obj({ role: text, fte: num })),
      workVolume: obj({
        quantity: num,
        unit: text,
        kind: text,
        params: z.record(z.union([text, num])).optional(),
        ratePerWeek: num,
        rounds: num,
      }).optional(),
      ongoing: z.boolean(),
      milestone: localized.optional(),
    }),
  ),
  totalWeeks: num,
  firstVersionWeek: num,
  launchWeek: num,
});

const FeedbackSchema = obj({
  perMonth: num,
  reviewedPerMonth: num,
  supervisedPairsPerMonth: num,
  picksPerMonth: num,
  comparisonsPerMonth: num,
  explicitPerMonth: num,
  implicitPerMonth: num,
  mode: z.enum(["explicit", "implicit", "none"]),
  review: obj({ humanReview: z.enum(HUMAN_REVIEW), reviewShare: num, editShare: num, candidatesPerPick: numOrNull, daysPerMonth: num }),
  rewardModelTarget: num,
  preferencePairsOnHand: num,
  monthsToRewardModelTarget: numOrNull,
  inputs: obj({
    users: num,
    interactionsPerUserPerDay: num,
    workingDaysPerMonth: num,
    explicitRate: num,
    implicitRate: num,
    comparisonsPerImplicitEvent: num,
  }),
  formula: text,
});

const DataSchema = obj({
  needs: z.array(
    obj({
      id: z.enum(["sft", "reward_model", "eval", "few_shot", "rag_documents"]),
      task: text,
      tier,
      examplesNeeded: num,
      onHand: num,
      toCollect: num,
      unit: text,
      anchorId: text.optional(),
      minutesPerItem: num,
      annotationHours: num,
      annotationCost: num,
    }),
  ),
  anchors: z.array(obj({ id: text, name: text, examples: num, kind: z.enum(["sft", "reward_model", "rl_prompts"]), citation: text })),
  tokensPerExample: num,
  totalToCollect: num,
  annotationHours: num,
  annotationCost: num,
  currency: money2,
});

const FineTuneSchema = obj({
  method: z.enum(["full", "lora", "qlora"]),
  paramsB: num,
  gpu,
  gpuMemoryGb: num,
  examples: num,
  tokensPerExample: num,
  epochs: num,
  trainingTokens: num,
  flops: num,
  mfu: num,
  tokensPerStep: num,
  memoryGbPerGpu: num,
  memoryGbTotal: num,
  memoryBreakdownGb: obj({ weights: num, gradients: num, optimizer: num, activations: num, overhead: num }),
  gpus: num,
  gpuHours: num,
  wallHours: num,
  pricePerGpuHourUsd: num,
  costUsd: num,
  cost: num,
  fits: z.boolean(),
  runs: num,
});

const ApiSchema = obj({
  id: text,
  provider: text,
  model: text,
  inputPerMTokUsd: num,
  outputPerMTokUsd: num,
  monthlyRequests: num,
  monthlyInputTokens: num,
  monthlyOutputTokens: num,
  monthlyTokens: num,
  monthlyCostUsd: num,
  monthlyCost: num,
  priceDate: text,
  citation: text,
});

const ComputeSchema = obj({
  modelSizeB: num,
  deployment: z.enum(["api", "self_hosted"]),
  deploymentReason: derivation,
  model: obj({ tier: z.enum(["small", "mid", "frontier"]), apiId: text, openId: text, reason: text, derivation }),
  workload: obj({ profile: text, inputTokens: num, outputTokens: num, steps: num, tokensPerRequest: num, derivation }),
  fineTune: FineTuneSchema.nullable(),
  fineTuneOptions: z.array(FineTuneSchema),
  serving: obj({
    model: obj({
      id: text,
      name: text,
      paramsB: num,
      activeParamsB: num,
      attention: z.enum(["gqa", "mla", "mha"]),
      kvBytesPerTokenFp16: num,
    }).optional(),
    paramsB: num,
    precision: z.enum(["fp16", "fp8", "int8", "int4"]),
    gpu,
    gpuMemoryGb: num,
    contextTokens: num,
    concurrency: num,
    weightsGb: num,
    kvCacheGb: num,
    kvBytesPerToken: num,
    overheadGb: num,
    totalGb: num,
    gpusPerReplica: num,
    replicas: num,
    gpus: num,
    gpuSecondsPerRequest: num,
    ownership: z.enum(["rented", "owned"]),
    pricePerGpuHourUsd: num,
    monthlyGpuHours: num,
    purchaseUsd: num,
    amortisationMonthlyUsd: num,
    powerMonthlyUsd: num,
    monthlyCostUsd: num,
    monthlyCost: num,
  }),
  api: ApiSchema,
  apiAlternatives: z.array(ApiSchema),
  services: z.array(
    obj({
      id: z.enum(["speech_to_text", "ocr", "vector_db", "embeddings"]),
      unit: text,
      quantityPerMonth: num,
      monthlyCostUsd: num,
      monthlyCost: num,
      oneOffUsd: num,
      citation: text,
    }),
  ),
  monthlyRequests: num,
  monthlyCostAtFullUse: num,
  exchangeRateCnyPerUsd: num,
});

const costCategory = z.enum(["labour", "compute", "annotation", "inference", "other"]);
const CostSchema = obj({
  currency: money2,
  lines: z.array(obj({ id: text, category: costCategory, oneOff: num, monthly: num })),
  byCategory: z.array(obj({ category: costCategory, oneOff: num, monthly: num })),
  oneOffTotal: num,
  monthlyTotal: num,
  firstYearTotal: num,
});

const band = obj({ p10: num, p50: num, p90: num });
const FinanceSchema = obj({
  currency: money2,
  model: z.enum(["toC", "toB", "internal"]),
  revenueModel: z.enum(REVENUE_MODELS),
  valueStatement: derivation.optional(),
  horizonMonths: num,
  months: z.array(obj({ month: num, revenue: num, savings: num, costs: num, net: num, cumulative: num, activeUnits: num })),
  breakEvenMonth: numOrNull,
  costToBreakEven: numOrNull,
  totalRevenue: num,
  totalSavings: num,
  totalCost: num,
  roi: num,
  npv: num,
  discountRate: num,
  launchMonth: num,
  monthlyBenefitAtHorizon: num,
  unitEconomics: obj({
    costPerActiveUserMonth: numOrNull,
    grossMargin: numOrNull,
    ltv: numOrNull,
    cac: numOrNull,
    ltvToCac: numOrNull,
    paybackMonths: numOrNull,
  }),
  sensitivity: z.array(
    obj({
      key: text,
      base: num,
      low: num,
      high: num,
      npvLow: num,
      npvHigh: num,
      breakEvenLow: numOrNull,
      breakEvenHigh: numOrNull,
      effect: num,
    }),
  ),
  ranges: obj({
    breakEvenMonth: obj({ p10: numOrNull, p50: numOrNull, p90: numOrNull }),
    breakEvenProbability: num,
    npv: band,
    roi: band,
    cumulative: z.array(obj({ month: num, p10: num, p50: num, p90: num })),
  }),
  monteCarlo: obj({ seed: num, runs: num, distribution: z.literal("triangular") }),
  exchangeRateCnyPerUsd: num,
});

const ConstraintSchema = obj({
  kind: z.enum(["team", "weeks", "budget"]),
  stated: num,
  planned: num,
  fits: z.boolean(),
  source: z.enum(["user", "heuristic", "llm"]),
  evidence: z.array(text).optional(),
});
const ConstraintScopeSchema = obj({
  code: text,
  params: z.record(z.union([text, num])),
  team: num,
  weeks: num,
  budget: num,
  fits: z.boolean(),
});
const QualitySchema = obj({
  metric: text,
  task: text,
  tier,
  low: num,
  high: num,
  threshold: num,
  sources: z.array(text),
  rounds: z.array(obj({ round: num, low: num, mid: num, high: num, source: text })),
  roundsToThreshold: numOrNull,
});

const AssumptionSchema = obj({
  key: text,
  value: z.union([num, text, z.boolean()]),
  unit: text.optional(),
  unitKind: z.enum([
    "money",
    "money_usd",
    "fraction",
    "count",
    "people",
    "weeks",
    "months",
    "days",
    "hours",
    "minutes",
    "tokens",
    "gpus",
    "ratio",
    "text",
    "seed",
  ]),
  source: z.enum(["user", "profile", "kb", "default", "heuristic", "llm"]),
  citation: text.optional(),
  derivation: derivation.optional(),
  range: obj({ low: num, mode: num, high: num }).optional(),
  group: z.enum(["team", "timeline", "data", "feedback", "compute", "cost", "finance", "quality"]),
  overridden: z.boolean().optional(),
  advanced: z.boolean().optional(),
});

const LlmSchema = obj({
  status: z.enum(["off", "ok", "failed"]),
  model: text.optional(),
  promptVersion: text.optional(),
  notice: text.optional(),
  notices: z
    .array(
      z.discriminatedUnion("code", [
        obj({
          code: z.literal("failed"),
          kind: z.enum(["timeout", "http", "connection", "refusal", "truncated", "not_json", "schema", "empty", "config"]),
          detail: text,
        }),
        obj({ code: z.literal("facts_not_used"), cautious: num, dropped: num, rejected: num }),
      ]),
    )
    .optional(),
  cached: z.boolean().optional(),
  usage: obj({ promptTokens: num, completionTokens: num, costUsd: numOrNull }).optional(),
  narrative: z.array(text).optional(),
  risks: z.array(text).optional(),
  facts: z
    .array(
      obj({
        key: text,
        outcome: z.enum(["user", "applied", "agreed", "cautious", "merged", "dropped", "rejected"]),
        proposed: z.unknown().optional(),
        kept: z.unknown().optional(),
        quotes: z.array(text),
        note: text.optional(),
        noteParams,
      }),
    )
    .optional(),
});

export const DecisionPlanSchema = obj({
  schemaVersion: z.literal(PLAN_SCHEMA_VERSION),
  title: text,
  locale: z.enum(LOCALES),
  currency,
  // The stored input was validated when it was saved; the plan's copy is checked again with the same schema.
  input: z.lazy(() => ScenarioInputSchema),
  profile: ProfileSchema,
  feasibility: FeasibilitySchema,
  primaryTier: tier,
  techniques: z.array(TechniqueSchema),
  team: TeamSchema,
  timeline: TimelineSchema,
  feedback: FeedbackSchema,
  data: DataSchema,
  compute: ComputeSchema,
  cost: CostSchema,
  finance: FinanceSchema,
  constraints: z.array(ConstraintSchema),
  constraintScope: ConstraintScopeSchema.optional(),
  quality: QualitySchema,
  risks: z.array(obj({ id: text, text: localized, mitigation: localized, severity: z.enum(["low", "medium", "high"]), source: text })),
  regulations: z.array(RegulationSchema),
  confirm: z.array(ConfirmSchema),
  assumptions: z.array(AssumptionSchema),
  llm: LlmSchema,
  meta: obj({ engineVersion: text, knowledgeBaseVersion: text }),
});

/** Compile-time check: what the schema accepts is a DecisionPlan (a required plan field missing here fails the build). */
export type ParsedPlan = z.output<typeof DecisionPlanSchema>;
const _parsedIsAPlan = (p: ParsedPlan): DecisionPlan => p;
void _parsedIsAPlan;
