// Every assumption the estimators use, declared once: its unit, the kind of unit (for editors and formatting), the
// part of the plan it feeds, the bounds of an override, and whether it is a technical knob. Labels are not here: the
// catalogue holds them under `assumption.<key>` (app/i18n). No imports: scenario.ts validates overrides against this
// list without pulling the estimators (and their JSON) into the schema module.

export type AssumptionGroup = "team" | "timeline" | "data" | "feedback" | "compute" | "cost" | "finance" | "quality";

/** What a value measures, so a view can show "¥", "%" or "weeks" and accept "3%", "¥30", "1.5万". */
export type UnitKind =
  | "money"
  | "money_usd"
  | "fraction"
  | "count"
  | "people"
  | "weeks"
  | "months"
  | "days"
  | "hours"
  | "minutes"
  | "tokens"
  | "gpus"
  | "ratio"
  | "text"
  | "seed";

export interface AssumptionDef {
  /** Unit as shown; `{currency}` stands for the plan's currency. */
  unit: string;
  kind: UnitKind;
  group: AssumptionGroup;
  /** Allowed [min, max] for an override through `input.assumptions`; absent = not overridable there (a text value). */
  bounds?: readonly [number, number];
  /** A technical knob (seeds, efficiencies, overheads): views may fold it away. */
  advanced?: boolean;
}

const d = (
  unit: string,
  kind: UnitKind,
  group: AssumptionGroup,
  bounds?: readonly [number, number],
  advanced?: boolean,
): AssumptionDef => ({
  unit,
  kind,
  group,
  ...(bounds ? { bounds } : {}),
  ...(advanced ? { advanced } : {}),
});
const MONEY: readonly [number, number] = [0, 1e12];
const SHARE: readonly [number, number] = [0, 1];

export const ASSUMPTIONS = {
  // compute: the model, the workload, training and serving hardware
  "compute.modelSizeB": d("B params", "count", "compute", [0.5, 1000]),
  "compute.model": d("", "text", "compute"),
  "compute.apiModel": d("", "text", "compute"),
  "compute.inputTokensPerRequest": d("tokens/request", "tokens", "compute", [1, 5_000_000]),
  "compute.outputTokensPerRequest": d("tokens/request", "tokens", "compute", [1, 1_000_000]),
  "compute.agentSteps": d("steps/run", "count", "compute", [1, 500]),
  "compute.apiInputPerMTokUsd": d("USD/M tokens", "money_usd", "compute", [0, 1000]),
  "compute.apiOutputPerMTokUsd": d("USD/M tokens", "money_usd", "compute", [0, 1000]),
  "compute.fineTuneGpu": d("", "text", "compute"),
  "compute.fineTuneGpus": d("GPUs", "gpus", "compute", [1, 1024]),
  "compute.gpuPricePerHourUsd": d("USD/GPU-hour", "money_usd", "compute", [0.01, 1000]),
  "compute.fineTuneMfu": d("fraction", "fraction", "compute", [0.005, 0.8], true),
  "compute.peftMfu": d("fraction", "fraction", "compute", [0.005, 0.8], true),
  "compute.qloraSlowdown": d("× LoRA time", "ratio", "compute", [1, 5], true),
  "compute.fineTuneOverhead": d("× profiled time", "ratio", "compute", [1, 3], true),
  "compute.epochs": d("epochs", "count", "compute", [0.1, 100]),
  "compute.tokensPerExample": d("tokens (mean, packed)", "tokens", "compute", [8, 1_000_000]),
  "compute.loraRank": d("rank", "count", "compute", [1, 1024], true),
  "compute.servingGpu": d("", "text", "compute"),
  "compute.servingPrecision": d("", "text", "compute"),
  "compute.servingGpuPricePerHourUsd": d("USD/GPU-hour", "money_usd", "compute", [0.01, 1000]),
  "compute.servingContextTokens": d("tokens", "tokens", "compute", [128, 2_000_000]),
  "compute.servingConcurrency": d("requests", "count", "compute", [1, 1_000_000]),
  "compute.secondsPerRequest": d("s", "ratio", "compute", [0.1, 3600], true),
  "compute.servingUtilisation": d("share of offline throughput", "fraction", "compute", [0.05, 1], true),
  "compute.peakToAverage": d("× average", "ratio", "compute", [1, 20], true),
  "compute.activeHoursPerDay": d("h/day", "hours", "compute", [1, 24], true),
  "compute.purchasePerGpu": d("{currency}/GPU", "money", "compute", MONEY),
  "compute.amortisationMonths": d("months", "months", "compute", [6, 120]),
  "compute.hostShareOfPurchase": d("share of GPU price", "fraction", "compute", [0, 2], true),
  "compute.pue": d("PUE", "ratio", "compute", [1, 3], true),
  "compute.electricityPerKwh": d("{currency}/kWh", "money", "compute", [0, 100]),
  "compute.exchangeRateCnyPerUsd": d("CNY/USD", "ratio", "cost", [0.1, 100]),
  // non-LLM services
  "services.speechToTextPerMinuteUsd": d("USD/audio minute", "money_usd", "compute", [0, 10]),
  "services.ocrPer1000PagesUsd": d("USD/1,000 pages", "money_usd", "compute", [0, 1000]),
  "services.tokensPerAudioMinute": d("tokens/minute", "tokens", "compute", [10, 2000], true),
  "services.tokensPerPage": d("tokens/page", "tokens", "compute", [50, 5000], true),
  "services.vectorDbMonthlyMinimumUsd": d("USD/month", "money_usd", "compute", [0, 1e6]),
  "services.embeddingPerMTokUsd": d("USD/M tokens", "money_usd", "compute", [0, 100]),
  // usage
  "usage.users": d("users", "people", "feedback", [0, 2_000_000_000]),
  "usage.interactionsPerUserPerDay": d("per user per day", "ratio", "feedback", [0, 10_000]),
  "usage.pagesPerUse": d("pages/use", "count", "compute", [0, 100_000]),
  "usage.audioMinutesPerUse": d("minutes/use", "minutes", "compute", [0, 1440]),
  // data
  "data.sftExamplesNeeded": d("examples", "count", "data", [0, 100_000_000]),
  "data.rewardModelTarget": d("feedback items", "count", "data", [0, 100_000_000]),
  "data.evalExamples": d("examples", "count", "data", [0, 10_000_000]),
  "data.minutesPerSftExample": d("min/example", "minutes", "data", [0.01, 600]),
  "data.minutesPerComparison": d("min/item", "minutes", "data", [0.01, 600]),
  "data.productiveHoursPerWeek": d("h/week", "hours", "data", [1, 80]),
  "data.minutesPerOnHandExample": d("min/example", "minutes", "data", [0.01, 600]),
  // feedback
  "feedback.workingDaysPerMonth": d("days/month", "days", "feedback", [1, 31]),
  "feedback.explicitRate": d("share of outputs", "fraction", "feedback", SHARE),
  "feedback.implicitRate": d("share of outputs", "fraction", "feedback", SHARE),
  "feedback.reviewShare": d("share of outputs", "fraction", "feedback", SHARE),
  "feedback.editShare": d("share of reviewed outputs", "fraction", "feedback", SHARE),
  "feedback.candidatesPerPick": d("candidates", "count", "feedback", [2, 20]),
  // team
  "team.opsCurators": d("people", "people", "team", [0, 100]),
  "team.annotators": d("people", "people", "team", [0, 100]),
  "team.fineTuneEngineers": d("people", "people", "team", [1, 50]),
  "team.backendEngineers": d("people", "people", "team", [0, 50]),
  "team.salesReps": d("people", "people", "team", [0, 100]),
  "team.customersPerSuccessManager": d("customers/person", "count", "team", [1, 1000]),
  "team.rate.pm": d("{currency}/month", "money", "team", [0, 1e9]),
  "team.rate.ops_curator": d("{currency}/month", "money", "team", [0, 1e9]),
  "team.rate.domain_annotator": d("{currency}/month", "money", "team", [0, 1e9]),
  "team.rate.prompt_engineer": d("{currency}/month", "money", "team", [0, 1e9]),
  "team.rate.backend_engineer": d("{currency}/month", "money", "team", [0, 1e9]),
  "team.rate.ml_engineer": d("{currency}/month", "money", "team", [0, 1e9]),
  "team.rate.mlops_engineer": d("{currency}/month", "money", "team", [0, 1e9]),
  "team.rate.sales_rep": d("{currency}/month", "money", "team", [0, 1e9]),
  "team.rate.customer_success": d("{currency}/month", "money", "team", [0, 1e9]),
  // timeline
  "timeline.discoveryWeeks": d("weeks", "weeks", "timeline", [0, 52]),
  "timeline.promptPrototypeWeeks": d("weeks", "weeks", "timeline", [0, 52]),
  "timeline.integrationWeeks": d("weeks", "weeks", "timeline", [0, 104]),
  "timeline.firstFineTuneWeeks": d("weeks", "weeks", "timeline", [0.5, 52]),
  "timeline.internalTrialWeeks": d("weeks", "weeks", "timeline", [0, 52]),
  "timeline.iterationRounds": d("rounds", "count", "timeline", [0, 20]),
  "timeline.weeksPerIterationRound": d("weeks", "weeks", "timeline", [0.5, 26]),
  "timeline.documentsPerWeek": d("documents/week", "count", "timeline", [1, 10_000_000]),
  "timeline.minDataCurationWeeks": d("weeks", "weeks", "timeline", [0, 52]),
  "timeline.ingestionDocumentsPerDay": d("documents/day", "count", "timeline", [1, 1e9]),
  "timeline.ingestionSetupWeeks": d("weeks", "weeks", "timeline", [0, 52]),
  "timeline.spotCheckDocuments": d("documents", "count", "timeline", [0, 1e7]),
  "timeline.knowledgeDocuments": d("documents", "count", "timeline", [0, 1e10]),
  // cost
  "cost.contingencyShare": d("share of one-off", "fraction", "cost", [0, 2]),
  "cost.otherMonthly": d("{currency}/month", "money", "cost", MONEY),
  "cost.otherOneOff": d("{currency}", "money", "cost", MONEY),
  "cost.retrainsPerYear": d("runs/year", "count", "cost", [0, 52]),
  // finance: shared
  "finance.discountRate": d("per year", "fraction", "finance", SHARE),
  "finance.acquisitionCostPerCustomer": d("{currency}/customer", "money", "finance", MONEY),
  "finance.channelFeeShare": d("share of revenue", "fraction", "finance", SHARE),
  "finance.supportPerActiveUser": d("{currency}/active user/month", "money", "finance", MONEY),
  // subscription
  "finance.monthlyReach": d("people/month", "people", "finance", [0, 2_000_000_000]),
  "finance.conversionRate": d("share", "fraction", "finance", SHARE),
  "finance.pricePerUserMonth": d("{currency}/user/month", "money", "finance", MONEY),
  "finance.monthlyChurnRate": d("per month", "fraction", "finance", SHARE),
  "finance.monthlyGrowthRate": d("per month", "fraction", "finance", [-1, 1]),
  "finance.marketSize": d("people or companies", "people", "finance", [0, 1e10]),
  "finance.payingCustomers": d("paying users", "people", "finance", [0, 1e10]),
  // seats and contracts
  "finance.targetCustomers": d("customers", "count", "finance", [0, 1e9]),
  "finance.contractValuePerYear": d("{currency}/year", "money", "finance", MONEY),
  "finance.seatsPerCustomer": d("seats", "count", "finance", [0, 1e7]),
  "finance.seatRampMonths": d("months", "months", "finance", [0, 60]),
  "finance.seatStartShare": d("share of seats", "fraction", "finance", SHARE),
  "finance.salesCycleMonths": d("months", "months", "finance", [0, 120]),
  "finance.implementationCostPerCustomer": d("{currency}", "money", "finance", MONEY),
  "finance.newCustomersPerMonth": d("customers/month", "count", "finance", [0, 1e9]),
  "finance.customerMonthlyChurnRate": d("per month", "fraction", "finance", SHARE),
  // usage
  "finance.pricePerUse": d("{currency}/use", "money", "finance", MONEY),
  "finance.adoptionRampMonths": d("months", "months", "finance", [0, 60]),
  // savings
  "finance.staffAffected": d("people", "people", "finance", [0, 1e9]),
  "finance.hoursSavedPerStaffPerWeek": d("h/person/week", "hours", "finance", [0, 80]),
  "finance.minutesSavedPerInteraction": d("min/use", "minutes", "finance", [0, 480]),
  "finance.reviewMinutesPerOutput": d("min/output", "minutes", "finance", [0, 240]),
  "finance.loadedHourlyWage": d("{currency}/h", "money", "finance", MONEY),
  "finance.adoptionRate": d("share", "fraction", "finance", SHARE),
  "finance.recaptureShare": d("share of hours saved", "fraction", "finance", SHARE),
  "finance.deflectionRate": d("share of contacts", "fraction", "finance", SHARE),
  "finance.costPerContact": d("{currency}/contact", "money", "finance", MONEY),
  // the Monte Carlo
  "finance.monteCarloSeed": d("seed", "seed", "finance", [0, 4294967295], true),
  "finance.monteCarloRuns": d("runs", "count", "finance", [50, 20000], true),
  // expected quality
  "quality.roundGain": d("share of the gap per round", "fraction", "quality", SHARE, true),
} as const satisfies Record<string, AssumptionDef>;

export type AssumptionKey = keyof typeof ASSUMPTIONS;
export const ASSUMPTION_KEYS = Object.keys(ASSUMPTIONS) as AssumptionKey[];

export function isAssumptionKey(key: string): key is AssumptionKey {
  return Object.prototype.hasOwnProperty.call(ASSUMPTIONS, key);
}

export function assumptionDef(key: AssumptionKey): AssumptionDef {
  return ASSUMPTIONS[key];
}

/** Problems with a record of overrides, each naming `assumptions.<key>`. Empty when all is well. */
export function validateAssumptionOverrides(
  overrides: Record<string, number> | undefined,
): { path: string; message: string; code: "unknown_assumption" | "out_of_range" | "invalid"; params?: { min: number; max: number } }[] {
  if (!overrides) return [];
  const errors: ReturnType<typeof validateAssumptionOverrides> = [];
  for (const [key, value] of Object.entries(overrides)) {
    if (!isAssumptionKey(key)) {
      errors.push({
        path: `assumptions.${key}`,
        code: "unknown_assumption",
        message: "is not a known assumption key (see assumptions[].key in a plan)",
      });
      continue;
    }
    const bounds = (ASSUMPTIONS[key] as AssumptionDef).bounds;
    if (!bounds) {
      errors.push({ path: `assumptions.${key}`, code: "invalid", message: "is not a number you can override here" });
      continue;
    }
    const [min, max] = bounds;
    if (!(value >= min && value <= max))
      errors.push({ path: `assumptions.${key}`, code: "out_of_range", message: `must be between ${min} and ${max}`, params: { min, max } });
  }
  return errors;
}
