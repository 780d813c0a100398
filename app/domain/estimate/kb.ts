// The estimators' knowledge base: GPU specs and prices, API token prices, role rates and estimation constants.
// Every file is validated with zod when this module loads, so a broken edit fails loudly at startup and in tests.
import { z } from "zod";
import gpusJson from "../../../data/gpus.json";
import pricesJson from "../../../data/prices.json";
import rolesJson from "../../../data/roles.json";
import estimationJson from "../../../data/estimation.json";

export const GPU_IDS = ["a100-40g", "a100-80g", "h100-80g", "h200-141g", "l40s-48g", "a6000-48g", "rtx4090-24g", "a10-24g", "v100-32g"] as const;
export const ROLE_IDS = ["pm", "ops_curator", "domain_annotator", "prompt_engineer", "backend_engineer", "ml_engineer", "mlops_engineer"] as const;

const positive = z.number().finite().positive();
const nonNegative = z.number().finite().min(0);
const text = z.string().min(1);
const localized = z.object({ zh: text, en: text });

export const GpuSpecSchema = z.object({
  id: z.enum(GPU_IDS),
  name: text,
  memoryGb: positive,
  bf16DenseTflops: positive,
  memoryBandwidthGbs: positive,
  specSource: text,
  pricePerGpuHourUsd: positive,
  priceDate: text,
  priceRange: z.object({ low: positive, high: positive }),
  priceSource: text,
});
export const GpusFileSchema = z.object({ version: text, note: text, gpus: z.array(GpuSpecSchema).min(1) }).superRefine((f, ctx) => {
  for (const id of GPU_IDS) if (!f.gpus.some((g) => g.id === id)) ctx.addIssue({ code: "custom", message: `missing GPU ${id}`, path: ["gpus"] });
  f.gpus.forEach((g, i) => {
    if (!(g.priceRange.low <= g.pricePerGpuHourUsd && g.pricePerGpuHourUsd <= g.priceRange.high))
      ctx.addIssue({ code: "custom", message: "price must lie within priceRange", path: ["gpus", i, "priceRange"] });
  });
});

export const ApiPriceSchema = z.object({
  id: text,
  provider: text,
  model: text,
  currency: z.enum(["USD", "CNY"]),
  inputPerMTok: positive,
  outputPerMTok: positive,
  date: text,
  source: text,
});
export const PricesFileSchema = z
  .object({
    version: text,
    note: text,
    models: z.array(ApiPriceSchema).min(2),
    defaults: z.object({ zh: text, en: text }),
    alternatives: z.object({ zh: z.array(text), en: z.array(text) }),
  })
  .superRefine((f, ctx) => {
    const ids = new Set(f.models.map((m) => m.id));
    for (const id of [f.defaults.zh, f.defaults.en, ...f.alternatives.zh, ...f.alternatives.en])
      if (!ids.has(id)) ctx.addIssue({ code: "custom", message: `unknown model id ${id}`, path: ["defaults"] });
  });

export const RoleRateSchema = z.object({
  id: z.enum(ROLE_IDS),
  label: localized,
  monthlyCNY: positive,
  monthlyUSD: positive,
  date: text,
  source: text,
});
export const RolesFileSchema = z
  .object({
    version: text,
    note: text,
    loadFactor: z.object({ CNY: z.object({ value: positive, source: text }), USD: z.object({ value: positive, source: text }) }),
    roles: z.array(RoleRateSchema),
  })
  .superRefine((f, ctx) => {
    for (const id of ROLE_IDS) if (!f.roles.some((r) => r.id === id)) ctx.addIssue({ code: "custom", message: `missing role ${id}`, path: ["roles"] });
  });

/** A sourced constant, optionally with a Monte Carlo range. */
const sourced = z
  .object({ value: z.number().finite(), low: z.number().finite().optional(), high: z.number().finite().optional(), source: text })
  .refine((c) => (c.low === undefined || c.low <= c.value) && (c.high === undefined || c.value <= c.high), "low ≤ value ≤ high");
/** A sourced figure that depends on the currency. */
const byCurrency = z.object({ CNY: nonNegative, USD: nonNegative, low: positive.optional(), high: positive.optional(), source: text });

export const EstimationFileSchema = z.object({
  version: text,
  constants: z.object({
    fineTuneMfu: sourced,
    pretrainMfu: sourced,
    trainingFlopsPerParamToken: sourced,
    fullFtBytesPerParam: sourced,
    pureBf16FtBytesPerParam: sourced,
    loraBaseBytesPerParam: sourced,
    qloraBitsPerParam: sourced,
    adapterBytesPerParam: sourced,
    adapterParamsPerRankPerHidden: sourced,
    loraRank: sourced,
    hiddenPerLayerRatio: sourced,
    headDim: sourced,
    memoryOverheadFraction: sourced,
    gpuMemoryUsable: sourced,
    trainMicroBatch: sourced,
    kvBytesPerElement: sourced,
    inferenceBytesPerParam: z.object({ fp16: positive, int8: positive, int4: positive, source: text }),
    hoursPerMonth: sourced,
    weeksPerMonth: sourced,
  }),
  exchangeRate: z.object({ cnyPerUsd: positive, low: positive, high: positive, date: text, source: text }),
  anchors: z.array(z.object({ id: text, name: text, examples: positive, kind: z.enum(["sft", "reward_model", "rl_prompts"]), citation: text })),
  sftExamplesByTask: z.object({ source: text, anchorId: text, values: z.record(z.string(), positive) }),
  rewardModelToSftRatio: sourced,
  annotation: z.object({
    minutesPerSftExample: sourced,
    minutesPerSftExampleFromLogs: sourced,
    minutesPerComparison: sourced,
    productiveHoursPerWeek: sourced,
    hourlyRate: byCurrency,
    minutesPerOnHandExample: sourced,
    onHandScreeningFactor: sourced,
  }),
  feedback: z.object({
    workingDaysPerMonth: sourced,
    explicitRate: sourced,
    implicitRate: sourced,
    comparisonsPerImplicitEvent: sourced,
  }),
  usage: z.object({
    inputTokensPerRequest: sourced,
    ragExtraInputTokens: sourced,
    outputTokensPerRequest: sourced,
    activeHoursPerDay: sourced,
    secondsPerRequest: sourced,
    peakToAverage: sourced,
  }),
  timeline: z.object({
    dataCurationWeeks: sourced,
    opsCurators: sourced,
    firstFineTuneWeeks: sourced,
    fineTuneEngineers: sourced,
    internalTrialWeeks: sourced,
    iterationRounds: sourced,
    weeksPerIterationRound: sourced,
    discoveryWeeks: sourced,
    promptPrototypeWeeks: sourced,
    integrationWeeks: sourced,
    documentsPerWeek: sourced,
    productionCycleWeeks: sourced,
    minDataCurationWeeks: sourced,
    scale: z.object({
      pilotUsers: sourced,
      trialShareAddedPerTenfoldUsers: sourced,
      integrationWeeksPerExtraTask: sourced,
      integrationWeeksPerTenfoldDocuments: sourced,
      onPremIntegrationWeeks: sourced,
    }),
  }),
  cost: z.object({ contingencyShare: sourced, otherMonthly: byCurrency, retrainsPerYear: sourced }),
  finance: z.object({
    discountRate: byCurrency,
    toC: z.object({ conversionRate: sourced, pricePerUserMonth: byCurrency, monthlyChurnRate: sourced, monthlyGrowthRate: sourced }),
    toB: z.object({
      targetCustomers: sourced,
      contractValuePerYear: byCurrency,
      salesCycleMonths: sourced,
      implementationCostPerCustomer: byCurrency,
      newCustomersPerMonth: sourced,
      customerMonthlyChurnRate: sourced,
    }),
    internal: z.object({ hoursSavedPerStaffPerWeek: sourced, minutesSavedPerInteraction: sourced, loadedHourlyWage: byCurrency, adoptionRate: sourced, adoptionRampMonths: sourced }),
  }),
});

export type GpuSpec = z.infer<typeof GpuSpecSchema>;
export type ApiPrice = z.infer<typeof ApiPriceSchema>;
export type RoleRate = z.infer<typeof RoleRateSchema>;
export type EstimationKb = z.infer<typeof EstimationFileSchema>;
export type Sourced = z.infer<typeof sourced>;

function load<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, raw: unknown, file: string): T {
  const r = schema.safeParse(raw);
  if (!r.success) {
    const first = r.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new Error(`data/${file} is invalid: ${first.join("; ")}`);
  }
  return r.data;
}

export const GPUS = load(GpusFileSchema, gpusJson, "gpus.json");
export const PRICES = load(PricesFileSchema, pricesJson, "prices.json");
export const ROLES = load(RolesFileSchema, rolesJson, "roles.json");
export const EST = load(EstimationFileSchema, estimationJson, "estimation.json");

const gpuById = new Map(GPUS.gpus.map((g) => [g.id, g]));
export function gpuSpec(id: string): GpuSpec | undefined {
  return gpuById.get(id as GpuSpec["id"]);
}
const priceById = new Map(PRICES.models.map((m) => [m.id, m]));
export function apiPrice(id: string): ApiPrice | undefined {
  return priceById.get(id);
}
const roleById = new Map(ROLES.roles.map((r) => [r.id, r]));
export function roleRate(id: string): RoleRate {
  const r = roleById.get(id as RoleRate["id"]);
  if (!r) throw new Error(`unknown role ${id}`);
  return r;
}
