// Self-hosted serving for the plan: on every GPU the company's market can rent or buy, the replica the memory needs (a
// valid tensor-parallel degree) and the replicas the peak load needs (published throughput × a latency derate), priced
// at the market's median offer when rented, or as purchase + amortisation + power when owned on premises; the cheapest
// wins unless the user named a GPU.
import { derived, kb, type Entry } from "~/domain/estimate/assumptions/book";
import type { AssumptionKey } from "~/domain/estimate/assumptions/registry";
import type { EstimateContext } from "~/domain/estimate/context";
import { EST, GPUS, ON_PREM, type GpuSpec, type OpenModelSpec } from "~/domain/estimate/kb";
import { roundMoney, round3 } from "~/domain/estimate/money";
import { fitReplicas, supportsFp8, type ReplicaMemory } from "~/domain/estimate/serving/memory";
import { gpuSecondsPerRequest } from "~/domain/estimate/serving/throughput";
import type { GpuId, Precision, ServingEstimate, Workload } from "~/domain/estimate/types";
import { byCurrency, fromUsd, HOURS_PER_MONTH, toUsd } from "~/domain/estimate/units";
import type { Load } from "~/domain/estimate/workload/load";

const S = EST.serving;

interface Option {
  gpu: GpuSpec;
  precision: Precision;
  tp: number;
  replicas: number;
  memory: ReplicaMemory;
  gpuSecondsPerRequest: number;
  monthlyUsd: number;
}

/** The Chinese market when the plan is in yuan: the GPUs a company there can rent or buy (export rules). */
function market(ctx: EstimateContext): "cn" | "global" {
  return ctx.currency === "CNY" ? "cn" : "global";
}

function precisionFor(gpu: GpuSpec): Precision {
  return supportsFp8(gpu.id) ? "fp8" : "int8";
}

/** A value the user may override, read before it is registered (the loop compares GPUs with it). */
function pre(ctx: EstimateContext, key: AssumptionKey, fallback: number): number {
  return ctx.input.assumptions?.[key] ?? fallback;
}

export function servingPlan(ctx: EstimateContext, model: OpenModelSpec, workload: Workload, load: Load): ServingEstimate {
  const owned = ctx.profile.deployment.value === "on_prem";
  const steps = Math.max(1, workload.steps);
  const inPerCall = workload.inputTokens / steps;
  const outPerCall = workload.outputTokens / steps;
  const peakCalls = load.peakRequestsPerSecond * steps;
  const utilisation = pre(ctx, "compute.servingUtilisation", S.utilisation.value);
  const seconds = pre(ctx, "compute.secondsPerRequest", EST.usage.secondsPerRequest.value);
  const concurrency = Math.max(1, Math.ceil(pre(ctx, "compute.servingConcurrency", peakCalls * seconds)));
  const context = Math.min(model.maxContext, Math.max(512, Math.ceil(inPerCall + outPerCall)));
  // Outside China, consumer cards stay out of a company's data centre or private cloud (driver licence).
  const inMarket = GPUS.gpus.filter((g) => g.markets.includes(market(ctx)) && (market(ctx) === "cn" || g.datacenter));
  const named = ctx.input.hardware?.servingGpu;
  const fit = (gpus: readonly GpuSpec[]) =>
    options(gpus, { model, peakCalls, inPerCall, outPerCall, utilisation, concurrency, context, owned, ctx });
  // A named GPU that cannot hold the model (even over nodes) gives way to the market's GPUs rather than no plan.
  let found = named ? fit(GPUS.gpus.filter((g) => g.id === named)) : [];
  const namedUsed = found.length > 0;
  if (!namedUsed) found = fit(inMarket);
  if (!namedUsed && found.length === 0) found = fit(GPUS.gpus);
  if (found.length === 0) throw new Error(`no GPU holds ${model.id}`);
  const best = found.reduce((a, b) => (b.monthlyUsd < a.monthlyUsd ? b : a));
  return register(ctx, { best, model, owned, concurrency, context, utilisation, seconds, named: namedUsed });
}

function options(
  candidates: readonly GpuSpec[],
  a: {
    model: OpenModelSpec;
    peakCalls: number;
    inPerCall: number;
    outPerCall: number;
    utilisation: number;
    concurrency: number;
    context: number;
    owned: boolean;
    ctx: EstimateContext;
  },
): Option[] {
  const { model, peakCalls, inPerCall, outPerCall, utilisation, concurrency, context, owned, ctx } = a;
  const options: Option[] = [];
  for (const gpu of candidates) {
    const precision = precisionFor(gpu);
    const perRequest = gpuSecondsPerRequest({
      activeParamsB: model.activeParamsB,
      precision,
      gpu,
      inputTokens: inPerCall,
      outputTokens: outPerCall,
    });
    const needed = (peakCalls * perRequest) / utilisation;
    const fit = fitReplicas({
      paramsB: model.paramsB,
      model,
      precision,
      gpu: gpu.id,
      gpuMemoryGb: gpu.memoryGb,
      contextTokens: context,
      sequences: concurrency,
      neededGpus: needed,
    });
    if (!fit) continue;
    const { replicas, memory } = fit;
    const gpus = fit.tp * replicas;
    const monthlyUsd = owned ? ownedMonthlyUsd(ctx, gpu, gpus).total : gpus * HOURS_PER_MONTH * gpu.pricePerGpuHourUsd;
    options.push({ gpu, precision, tp: fit.tp, replicas, memory, gpuSecondsPerRequest: perRequest, monthlyUsd });
  }
  return options;
}

/** Purchase (GPUs and their hosts) amortised over its life, and power at the site's PUE. */
function ownedMonthlyUsd(
  ctx: EstimateContext,
  gpu: GpuSpec,
  gpus: number,
  values?: { purchasePerGpu: number; host: number; months: number; pue: number; kwh: number },
) {
  const v = values ?? {
    purchasePerGpu: gpu.purchaseUsd,
    host: pre(ctx, "compute.hostShareOfPurchase", ON_PREM.hostShareOfPurchase.value),
    months: pre(ctx, "compute.amortisationMonths", ON_PREM.amortisationMonths.value),
    pue: pre(ctx, "compute.pue", ON_PREM.pue.value),
    kwh: toUsd(ctx, pre(ctx, "compute.electricityPerKwh", byCurrency(ctx, ON_PREM.electricityPerKwh))),
  };
  const purchase = gpus * v.purchasePerGpu * (1 + v.host);
  const amortisation = purchase / v.months;
  const power = (gpus * gpu.powerW * v.pue * ON_PREM.hoursPerMonth.value * v.kwh) / 1000;
  return { purchase, amortisation, power, total: amortisation + power };
}

function register(
  ctx: EstimateContext,
  a: {
    best: Option;
    model: OpenModelSpec;
    owned: boolean;
    concurrency: number;
    context: number;
    utilisation: number;
    seconds: number;
    named: boolean;
  },
): ServingEstimate {
  const { book } = ctx;
  const { best, model, owned } = a;
  const g = best.gpu;
  book.text(
    "compute.servingGpu",
    g.id,
    a.named
      ? { source: "user" }
      : {
          source: "default",
          derivation: {
            code: owned ? "serving.cheapest_owned" : "serving.cheapest_rented",
            params: { market: market(ctx), model: model.id },
          },
        },
    "hardware.servingGpu",
  );
  book.text("compute.servingPrecision", best.precision, {
    source: "kb",
    citation: `${S.defaultPrecision.source}; ${S.fp8Hardware.source}`,
  });
  book.get("compute.servingUtilisation", kb(S.utilisation, true));
  book.get("compute.secondsPerRequest", kb(EST.usage.secondsPerRequest));
  book.get("compute.servingConcurrency", derived(a.concurrency, "serving.concurrency", { seconds: a.seconds }));
  book.get("compute.servingContextTokens", derived(a.context, "serving.context", { maxContext: model.maxContext }));
  const gpus = best.tp * best.replicas;
  let price = g.pricePerGpuHourUsd;
  let purchaseUsd = 0;
  let amortisation = 0;
  let power = 0;
  if (owned) {
    const purchasePerGpu = toUsd(
      ctx,
      book.get("compute.purchasePerGpu", {
        value: roundMoney(fromUsd(ctx, g.purchaseUsd)),
        source: "kb",
        citation: `${g.purchase.source} (${g.purchase.date})`,
        range: { low: roundMoney(fromUsd(ctx, g.purchaseUsd * 0.8)), high: roundMoney(fromUsd(ctx, g.purchaseUsd * 1.4)) },
      }),
    );
    const host = book.get("compute.hostShareOfPurchase", kb(ON_PREM.hostShareOfPurchase));
    const months = book.get("compute.amortisationMonths", kb(ON_PREM.amortisationMonths, true));
    const pue = book.get("compute.pue", kb(ON_PREM.pue));
    const kwh = toUsd(
      ctx,
      book.get("compute.electricityPerKwh", {
        value: byCurrency(ctx, ON_PREM.electricityPerKwh),
        source: "kb",
        citation: ON_PREM.electricityPerKwh.source,
      } as Entry),
    );
    const o = ownedMonthlyUsd(ctx, g, gpus, { purchasePerGpu, host, months, pue, kwh });
    purchaseUsd = o.purchase;
    amortisation = o.amortisation;
    power = o.power;
    price = (amortisation + power) / (gpus * HOURS_PER_MONTH);
  } else {
    price = book.get("compute.servingGpuPricePerHourUsd", {
      value: g.pricePerGpuHourUsd,
      source: "kb",
      citation: g.priceSource,
      range: g.priceRange,
    });
  }
  const monthlyUsd = owned ? power : gpus * HOURS_PER_MONTH * price;
  return {
    model: {
      id: model.id,
      name: model.name,
      paramsB: model.paramsB,
      activeParamsB: model.activeParamsB,
      attention: model.attention,
      kvBytesPerTokenFp16: model.kvBytesPerTokenFp16,
    },
    paramsB: model.paramsB,
    precision: best.precision,
    gpu: g.id as GpuId,
    gpuMemoryGb: g.memoryGb,
    contextTokens: a.context,
    concurrency: a.concurrency,
    weightsGb: round3(best.memory.weightsGb),
    kvCacheGb: round3(best.memory.kvCacheGb),
    kvBytesPerToken: best.memory.kvBytesPerToken,
    overheadGb: round3(best.memory.overheadGb),
    totalGb: round3(best.memory.totalGb),
    gpusPerReplica: best.memory.gpusPerReplica,
    replicas: best.replicas,
    gpus,
    gpuSecondsPerRequest: round3(best.gpuSecondsPerRequest),
    ownership: owned ? "owned" : "rented",
    pricePerGpuHourUsd: round3(price),
    monthlyGpuHours: gpus * HOURS_PER_MONTH,
    purchaseUsd: roundMoney(purchaseUsd),
    amortisationMonthlyUsd: roundMoney(amortisation),
    powerMonthlyUsd: roundMoney(power),
    monthlyCostUsd: roundMoney(monthlyUsd),
    monthlyCost: roundMoney(fromUsd(ctx, monthlyUsd)),
  };
}
