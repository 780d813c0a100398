// The keys a user may override through `input.assumptions`. No imports: scenario.ts validates against this list
// without pulling the estimators (and their JSON) into the schema module.

/** key → allowed [min, max] for an override. */
export const ASSUMPTION_BOUNDS = {
  // compute
  "compute.modelSizeB": [0.5, 1000],
  "compute.fineTuneMfu": [0.005, 0.8],
  "compute.gpuPricePerHourUsd": [0.01, 1000],
  "compute.fineTuneGpus": [1, 1024],
  "compute.epochs": [0.1, 100],
  "compute.tokensPerExample": [8, 1_000_000],
  "compute.loraRank": [1, 1024],
  "compute.inputTokensPerRequest": [1, 2_000_000],
  "compute.outputTokensPerRequest": [1, 1_000_000],
  "compute.servingContextTokens": [128, 2_000_000],
  "compute.servingConcurrency": [1, 1_000_000],
  "compute.secondsPerRequest": [0.1, 3600],
  "compute.apiInputPerMTokUsd": [0, 1000],
  "compute.apiOutputPerMTokUsd": [0, 1000],
  "compute.exchangeRateCnyPerUsd": [0.1, 100],
  // data
  "data.sftExamplesNeeded": [0, 100_000_000],
  "data.rewardModelTarget": [0, 100_000_000],
  "data.evalExamples": [0, 10_000_000],
  "data.minutesPerSftExample": [0.01, 600],
  "data.minutesPerComparison": [0.01, 600],
  "data.productiveHoursPerWeek": [1, 80],
  "data.minutesPerOnHandExample": [0.01, 600],
  // feedback / usage
  "usage.users": [0, 2_000_000_000],
  "usage.interactionsPerUserPerDay": [0, 10_000],
  "feedback.workingDaysPerMonth": [1, 31],
  "feedback.explicitRate": [0, 1],
  "feedback.implicitRate": [0, 1],
  // team
  "team.opsCurators": [1, 100],
  "team.annotators": [0, 100],
  "team.fineTuneEngineers": [1, 50],
  "team.backendEngineers": [0, 50],
  "team.rate.pm": [0, 1e9],
  "team.rate.ops_curator": [0, 1e9],
  "team.rate.domain_annotator": [0, 1e9],
  "team.rate.prompt_engineer": [0, 1e9],
  "team.rate.backend_engineer": [0, 1e9],
  "team.rate.ml_engineer": [0, 1e9],
  "team.rate.mlops_engineer": [0, 1e9],
  // timeline
  "timeline.discoveryWeeks": [0, 52],
  "timeline.promptPrototypeWeeks": [0, 52],
  "timeline.integrationWeeks": [0, 104],
  "timeline.firstFineTuneWeeks": [0.5, 52],
  "timeline.internalTrialWeeks": [0, 52],
  "timeline.iterationRounds": [0, 20],
  "timeline.weeksPerIterationRound": [0.5, 26],
  "timeline.documentsPerWeek": [1, 10_000_000],
  "timeline.minDataCurationWeeks": [0, 52],
  // cost
  "cost.contingencyShare": [0, 2],
  "cost.otherMonthly": [0, 1e12],
  "cost.otherOneOff": [0, 1e12],
  "cost.retrainsPerYear": [0, 52],
  // finance
  "finance.discountRate": [0, 1],
  "finance.monthlyReach": [0, 2_000_000_000],
  "finance.conversionRate": [0, 1],
  "finance.pricePerUserMonth": [0, 1e12],
  "finance.monthlyChurnRate": [0, 1],
  "finance.monthlyGrowthRate": [-1, 1],
  "finance.targetCustomers": [0, 1e9],
  "finance.contractValuePerYear": [0, 1e12],
  "finance.salesCycleMonths": [0, 120],
  "finance.implementationCostPerCustomer": [0, 1e12],
  "finance.newCustomersPerMonth": [0, 1e9],
  "finance.customerMonthlyChurnRate": [0, 1],
  "finance.staffAffected": [0, 1e9],
  "finance.hoursSavedPerStaffPerWeek": [0, 80],
  "finance.minutesSavedPerInteraction": [0, 480],
  "finance.loadedHourlyWage": [0, 1e12],
  "finance.adoptionRate": [0, 1],
  "finance.adoptionRampMonths": [0, 60],
  "finance.monteCarloSeed": [0, 4294967295],
  "finance.monteCarloRuns": [50, 20000],
} as const satisfies Record<string, readonly [number, number]>;

export type AssumptionKey = keyof typeof ASSUMPTION_BOUNDS;
export const ASSUMPTION_KEYS = Object.keys(ASSUMPTION_BOUNDS) as AssumptionKey[];

export function isAssumptionKey(key: string): key is AssumptionKey {
  return Object.prototype.hasOwnProperty.call(ASSUMPTION_BOUNDS, key);
}

/** Problems with a record of overrides, each naming `assumptions.<key>`. Empty when all is well. */
export function validateAssumptionOverrides(
  overrides: Record<string, number> | undefined,
): { path: string; message: string; code: "unknown_assumption" | "out_of_range"; params?: { min: number; max: number } }[] {
  if (!overrides) return [];
  const errors: ReturnType<typeof validateAssumptionOverrides> = [];
  for (const [key, value] of Object.entries(overrides)) {
    if (!isAssumptionKey(key)) {
      errors.push({ path: `assumptions.${key}`, message: "is not a known assumption key (see assumptions[].key in a plan)", code: "unknown_assumption" });
      continue;
    }
    const [min, max] = ASSUMPTION_BOUNDS[key];
    if (!(value >= min && value <= max)) errors.push({ path: `assumptions.${key}`, message: `must be between ${min} and ${max}`, code: "out_of_range", params: { min, max } });
  }
  return errors;
}
