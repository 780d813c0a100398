// The estimators' knowledge base: GPU specs, offers and purchase prices; hosted-model prices; open model families;
// services; quality bands; role rates and estimation constants. Every file is validated with zod when this module
// loads, so a broken edit fails loudly at startup and in tests.
import { z } from "zod";
import gpusJson from "../../../data/gpus.json";
import pricesJson from "../../../data/prices.json";
import rolesJson from "../../../data/roles.json";
import estimationJson from "../../../data/estimation.json";
import modelsJson from "../../../data/models.json";
import servicesJson from "../../../data/services.json";
import qualityJson from "../../../data/quality.json";

export const GPU_IDS = [
  "a100-40g",
  "a100-80g",
  "a800-80g",
  "h100-80g",
  "h200-141g",
  "h20-96g",
  "l20-48g",
  "l40s-48g",
  "a6000-48g",
  "rtx4090-24g",
  "a10-24g",
  "v100-32g",
] as const;
export const ROLE_IDS = [
  "pm",
  "ops_curator",
  "domain_annotator",
  "prompt_engineer",
  "backend_engineer",
  "ml_engineer",
  "mlops_engineer",
  "sales_rep",
  "customer_success",
] as const;
export const TIERS = ["small", "mid", "frontier"] as const;

const positive = z.number().finite().positive();
const nonNegative = z.number().finite().min(0);
const text = z.string().min(1);
const localized = z.object({ zh: text, en: text });

/** A sourced constant, optionally with a Monte Carlo range. */
const sourced = z
  .object({ value: z.number().finite(), low: z.number().finite().optional(), high: z.number().finite().optional(), source: text })
  .refine((c) => (c.low === undefined || c.low <= c.value) && (c.high === undefined || c.value <= c.high), "low ≤ value ≤ high");
/** A sourced figure that depends on the currency. */
const byCurrency = z.object({ CNY: nonNegative, USD: nonNegative, low: positive.optional(), high: positive.optional(), source: text });

// ── GPUs ──
const offer = z
  .object({ usd: positive.optional(), cny: positive.optional(), date: text, source: text })
  .refine((o) => (o.usd === undefined) !== (o.cny === undefined), "one of usd or cny");
const purchase = z
  .object({ usd: positive.optional(), cny: positive.optional(), date: text, source: text })
  .refine((o) => (o.usd === undefined) !== (o.cny === undefined), "one of usd or cny");
const GpuRawSchema = z.object({
  id: z.enum(GPU_IDS),
  name: text,
  memoryGb: positive,
  bf16DenseTflops: positive,
  memoryBandwidthGbs: positive,
  powerW: positive,
  markets: z.array(z.enum(["global", "cn"])).min(1),
  /** false for consumer cards, which NVIDIA's driver licence keeps out of data centres (rented in China's fleets all the same). */
  datacenter: z.boolean().default(true),
  datacenterSource: text.optional(),
  specSource: text,
  offers: z.array(offer).min(1),
  /** When the offers are only the lowest listings: how far above them the market's offers reach. */
  offerSpread: z.object({ high: positive, source: text }).optional(),
  purchase,
});
export const GpusFileSchema = z
  .object({
    version: text,
    note: text,
    gpus: z.array(GpuRawSchema).min(1),
    onPrem: z.object({
      amortisationMonths: sourced,
      hostShareOfPurchase: sourced,
      pue: sourced,
      electricityPerKwh: byCurrency,
      hoursPerMonth: sourced,
    }),
  })
  .superRefine((f, ctx) => {
    for (const id of GPU_IDS)
      if (!f.gpus.some((g) => g.id === id)) ctx.addIssue({ code: "custom", message: `missing GPU ${id}`, path: ["gpus"] });
  });

// ── hosted models ──
export const ApiPriceSchema = z.object({
  id: text,
  provider: text,
  model: text,
  currency: z.enum(["USD", "CNY"]),
  inputPerMTok: nonNegative,
  cachedInputPerMTok: nonNegative.optional(),
  outputPerMTok: nonNegative,
  date: text,
  tier: z.enum(TIERS),
  languages: z.array(z.enum(["zh", "en"])).min(1),
  reasoning: z.boolean().optional(),
  source: text,
});
const tierChoice = z.object({ small: text, mid: text, frontier: text, code: text });
export const PricesFileSchema = z
  .object({
    version: text,
    note: text,
    models: z.array(ApiPriceSchema).min(2),
    choice: z.object({ source: text, en: tierChoice, zh: tierChoice }),
    alternatives: z.object({ zh: z.array(text), en: z.array(text) }),
  })
  .superRefine((f, ctx) => {
    const ids = new Set(f.models.map((m) => m.id));
    if (ids.size !== f.models.length) ctx.addIssue({ code: "custom", message: "duplicate model id", path: ["models"] });
    const refs = [...Object.values(f.choice.en), ...Object.values(f.choice.zh), ...f.alternatives.zh, ...f.alternatives.en].filter(
      (x) => x !== f.choice.source,
    );
    for (const id of refs) if (!ids.has(id)) ctx.addIssue({ code: "custom", message: `unknown model id ${id}`, path: ["choice"] });
  });

// ── open models ──
const OpenModelSchema = z.object({
  id: text,
  name: text,
  paramsB: positive,
  activeParamsB: positive,
  attention: z.enum(["gqa", "mla", "mha"]),
  layers: positive,
  kvHeads: positive.nullable(),
  headDim: positive.nullable(),
  kvBytesPerTokenFp16: positive,
  maxContext: positive,
  languages: z.array(z.enum(["zh", "en"])),
  released: text,
  source: text,
});
export const ModelsFileSchema = z
  .object({
    version: text,
    note: text,
    models: z.array(OpenModelSchema).min(1),
    choice: z.object({ source: text, en: tierChoice, zh: tierChoice }),
  })
  .superRefine((f, ctx) => {
    const ids = new Set(f.models.map((m) => m.id));
    for (const id of [...Object.values(f.choice.en), ...Object.values(f.choice.zh)])
      if (id !== f.choice.source && !ids.has(id)) ctx.addIssue({ code: "custom", message: `unknown model ${id}`, path: ["choice"] });
    f.models.forEach((m, i) => {
      if (m.attention === "gqa" && m.kvHeads && m.headDim && m.kvBytesPerTokenFp16 !== 2 * m.layers * m.kvHeads * m.headDim * 2)
        ctx.addIssue({ code: "custom", message: "kvBytesPerTokenFp16 must be 2 × layers × kvHeads × headDim × 2", path: ["models", i] });
    });
  });

// ── services ──
const perMinute = z.object({ perMinute: positive, date: text, source: text });
export const ServicesFileSchema = z.object({
  version: text,
  note: text,
  speechToText: z.object({
    batch: z.object({ USD: perMinute, CNY: perMinute }),
    live: z.object({ USD: perMinute, CNY: perMinute }),
    tokensPerAudioMinute: sourced,
  }),
  ocr: z.object({
    read: z.object({ usdPer1000Pages: positive, date: text, source: text }),
    layout: z.object({ usdPer1000Pages: positive, date: text, source: text }),
    tokensPerPage: sourced,
  }),
  embeddings: z.object({ usdPerMTok: positive, date: text, source: text }),
  vectorDb: z.object({
    monthlyMinimumUsd: nonNegative,
    storageUsdPerGbMonth: positive,
    readUnitUsdPerMillion: positive,
    writeUnitUsdPerMillion: positive,
    bytesPerVector: positive,
    chunkTokens: positive,
    readUnitsPerQueryPerGb: positive,
    minReadUnitsPerQuery: positive,
    date: text,
    source: text,
  }),
});

// ── quality ──
const band = z.object({ low: z.number().min(0).max(1), high: z.number().min(0).max(1) }).refine((b) => b.low <= b.high, "low ≤ high");
export const QualityFileSchema = z.object({
  version: text,
  note: text,
  bands: z.array(
    z.object({ task: text, metric: text, tiers: z.object({ "1": band, "2": band, "3": band }), sources: z.array(text).min(1) }),
  ),
  taskBand: z.record(z.string(), text),
  threshold: z.object({ low: positive, medium: positive, high: positive, critical: positive, source: text }),
  roundGain: sourced,
});

// ── roles ──
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
    for (const id of ROLE_IDS)
      if (!f.roles.some((r) => r.id === id)) ctx.addIssue({ code: "custom", message: `missing role ${id}`, path: ["roles"] });
  });

// ── estimation constants ──
const profile = z.object({
  input: positive,
  output: positive,
  steps: positive.optional(),
  low: positive.optional(),
  high: positive.optional(),
  source: text,
});
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
  anchors: z.array(
    z.object({ id: text, name: text, examples: positive, kind: z.enum(["sft", "reward_model", "rl_prompts"]), citation: text }),
  ),
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
    editShare: sourced,
    editShareAlways: sourced,
    candidatesPerPick: sourced,
  }),
  usage: z.object({
    inputTokensPerRequest: sourced,
    ragExtraInputTokens: sourced,
    outputTokensPerRequest: sourced,
    activeHoursPerDay: sourced,
    activeHoursPerDayConsumer: sourced,
    secondsPerRequest: sourced,
    peakToAverage: sourced,
  }),
  calendar: z.object({ workingDaysPerMonth: sourced, calendarDaysPerMonth: sourced }),
  workload: z.object({
    source: text,
    profiles: z.record(z.string(), profile),
    ragChunks: sourced,
    ragChunkTokens: sourced,
    reviewShareSampled: sourced,
  }),
  serving: z.object({
    prefillSecondsPerTokenRef: sourced,
    decodeSecondsPerTokenRef: sourced,
    refParamsB: sourced,
    refTflops: sourced,
    refBandwidthGbs: sourced,
    refBytesPerParam: sourced,
    utilisation: sourced,
    bytesPerParam: z.object({ fp16: positive, fp8: positive, int8: positive, int4: positive, source: text }),
    fp8Hardware: z.object({ ids: z.array(z.enum(GPU_IDS)), source: text }),
    defaultPrecision: z.object({ value: text, source: text }),
    kvBytesPerElementFp8: sourced,
    contextTokens: sourced,
    usableMemoryShare: sourced,
    runtimeOverheadShare: sourced,
    tensorParallel: z.object({ values: z.array(positive), source: text }),
  }),
  fineTune: z.object({
    efficiency: z.object({ tokensPerStep: z.array(positive), lora: z.array(positive), qlora: z.array(positive), source: text }),
    overhead: sourced,
    packingLength: sourced,
    peftMicroBatch: sourced,
    qloraAdapterBytesPerParam: sourced,
    meanTokensByTask: z.object({ source: text, values: z.record(z.string(), positive) }),
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
    tier1: z.object({ discoveryWeeks: sourced, promptPrototypeWeeks: sourced, integrationWeeks: sourced, internalTrialWeeks: sourced }),
    scale: z.object({
      pilotUsers: sourced,
      trialShareAddedPerTenfoldUsers: sourced,
      integrationWeeksPerExtraTask: sourced,
      integrationWeeksPerTenfoldDocuments: sourced,
      onPremIntegrationWeeks: sourced,
    }),
    ingestion: z.object({
      setupWeeks: sourced,
      setupWeeksPerTenfold: sourced,
      documentsPerDay: sourced,
      spotCheckDocuments: sourced,
      defaultDocuments: sourced,
    }),
    phases: z.record(z.string(), z.object({ zh: text, en: text })),
    milestone: localized,
  }),
  cost: z.object({ contingencyShare: sourced, otherMonthly: byCurrency, retrainsPerYear: sourced }),
  finance: z.object({
    discountRate: byCurrency,
    recaptureShare: sourced,
    reviewMinutesPerOutput: sourced,
    toC: z.object({ conversionRate: sourced, pricePerUserMonth: byCurrency, monthlyChurnRate: sourced, monthlyGrowthRate: sourced }),
    toB: z.object({
      targetCustomers: sourced,
      contractValuePerYear: byCurrency,
      salesCycleMonths: sourced,
      implementationCostPerCustomer: byCurrency,
      newCustomersPerMonth: sourced,
      customerMonthlyChurnRate: sourced,
    }),
    internal: z.object({
      hoursSavedPerStaffPerWeek: sourced,
      minutesSavedPerInteraction: sourced,
      loadedHourlyWage: byCurrency,
      adoptionRate: sourced,
      adoptionRampMonths: sourced,
    }),
    subscription: z.object({
      acquisitionMonthsOfPrice: sourced,
      channelFeeShare: sourced,
      appStoreFeeShare: sourced,
      supportPerActiveUser: byCurrency,
    }),
    accounts: z.object({
      seatsPerCustomer: sourced,
      salesReps: sourced,
      closesPerRepPerMonth: sourced,
      customersPerSuccessManager: sourced,
      seatRampMonths: sourced,
      seatStartShare: sourced,
      newCacRatio: sourced,
    }),
    deflection: z.object({ deflectionRate: sourced, costPerContact: byCurrency }),
    usage: z.object({ adoptionRampMonths: sourced }),
    minutesSavedByProfile: z.object({ source: text, values: z.record(z.string(), positive) }),
  }),
});

export type ApiPrice = z.infer<typeof ApiPriceSchema>;
export type RoleRate = z.infer<typeof RoleRateSchema>;
export type EstimationKb = z.infer<typeof EstimationFileSchema>;
export type Sourced = z.infer<typeof sourced>;
export type OpenModelSpec = z.infer<typeof OpenModelSchema>;

function load<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, raw: unknown, file: string): T {
  const r = schema.safeParse(raw);
  if (!r.success) {
    const first = r.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new Error(`data/${file} is invalid: ${first.join("; ")}`);
  }
  return r.data;
}

export const EST = load(EstimationFileSchema, estimationJson, "estimation.json");
export const PRICES = load(PricesFileSchema, pricesJson, "prices.json");
export const ROLES = load(RolesFileSchema, rolesJson, "roles.json");
export const MODELS = load(ModelsFileSchema, modelsJson, "models.json");
export const SERVICES = load(ServicesFileSchema, servicesJson, "services.json");
export const QUALITY = load(QualityFileSchema, qualityJson, "quality.json");
const GPU_FILE = load(GpusFileSchema, gpusJson, "gpus.json");
export const ON_PREM = GPU_FILE.onPrem;

/** A GPU with its market price: the median of its dated offers (the market's mode), and their span. */
export interface GpuSpec extends z.infer<typeof GpuRawSchema> {
  pricePerGpuHourUsd: number;
  priceRange: { low: number; high: number };
  priceDate: string;
  priceSource: string;
  purchaseUsd: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round4 = (x: number) => Math.round(x * 10000) / 10000;

function priced(g: z.infer<typeof GpuRawSchema>): GpuSpec {
  const fx = EST.exchangeRate.cnyPerUsd;
  const usd = g.offers.map((o) => o.usd ?? (o.cny as number) / fx);
  const dates = g.offers.map((o) => o.date).sort();
  return {
    ...g,
    pricePerGpuHourUsd: round4(median(usd)),
    priceRange: { low: round4(Math.min(...usd)), high: round4(Math.max(...usd) * (g.offerSpread?.high ?? 1)) },
    priceDate: dates[dates.length - 1],
    priceSource: `median of ${g.offers.length} offer(s): ${g.offers.map((o) => `${o.usd !== undefined ? `$${o.usd}` : `¥${o.cny}`} (${o.source}, ${o.date})`).join("; ")}`,
    purchaseUsd: round4(g.purchase.usd ?? (g.purchase.cny as number) / fx),
  };
}

export const GPUS = { version: GPU_FILE.version, note: GPU_FILE.note, gpus: GPU_FILE.gpus.map(priced) };

const gpuById = new Map(GPUS.gpus.map((g) => [g.id, g]));
export function gpuSpec(id: string): GpuSpec | undefined {
  return gpuById.get(id as GpuSpec["id"]);
}
const priceById = new Map(PRICES.models.map((m) => [m.id, m]));
export function apiPrice(id: string): ApiPrice | undefined {
  return priceById.get(id);
}
const modelById = new Map(MODELS.models.map((m) => [m.id, m]));
export function openModel(id: string): OpenModelSpec | undefined {
  return modelById.get(id);
}
const roleById = new Map(ROLES.roles.map((r) => [r.id, r]));
export function roleRate(id: string): RoleRate {
  const r = roleById.get(id as RoleRate["id"]);
  if (!r) throw new Error(`unknown role ${id}`);
  return r;
}
