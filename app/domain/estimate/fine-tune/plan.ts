// The fine-tune in the plan: the method the techniques name, on the open model the plan serves, over the examples
// curated, packed (mean tokens per example by task), on the cheapest GPU of the company's market that holds it (or the
// one the user named), with full / LoRA / QLoRA side by side. Rounds after the first and periodic retraining repeat it.
import { derived, kb } from "~/domain/estimate/assumptions/book";
import { estimateFineTune, gpusToFit, peftEfficiency, type FineTuneJob } from "~/domain/estimate/compute";
import type { EstimateContext } from "~/domain/estimate/context";
import type { DataVolumes } from "~/domain/estimate/data";
import { EST, GPUS, type GpuSpec, type OpenModelSpec } from "~/domain/estimate/kb";
import { roundMoney } from "~/domain/estimate/money";
import type { FineTuneEstimate, FineTuneMethod, GpuId } from "~/domain/estimate/types";
import { fromUsd } from "~/domain/estimate/units";

const C = EST.constants;
const F = EST.fineTune;

export interface FineTunePlan {
  fineTune: FineTuneEstimate | null;
  options: FineTuneEstimate[];
  /** All runs before launch, plan currency. */
  oneOff: number;
  /** Retraining after launch, per month, plan currency. */
  retrainMonthly: number;
}

function chooseMethod(ctx: EstimateContext): FineTuneMethod {
  if (ctx.techniques.has("qlora")) return "qlora";
  if (ctx.techniques.has("lora")) return "lora";
  if (ctx.techniques.has("sft")) return "full";
  return "lora";
}

/** The cheapest GPU of the market on which the job fits in the fewest GPUs (a GPU-hour there costs the least). */
function trainingGpu(ctx: EstimateContext, job: Omit<FineTuneJob, "gpu">): GpuSpec {
  const named = ctx.input.hardware?.trainingGpu;
  if (named) return GPUS.gpus.find((g) => g.id === named)!;
  const market = ctx.currency === "CNY" ? "cn" : "global";
  const pool = GPUS.gpus.filter((g) => g.markets.includes(market));
  const cost = (g: GpuSpec) => {
    const r = estimateFineTune({ ...job, gpu: g.id as GpuId, gpus: gpusToFit({ ...job, gpu: g.id as GpuId }, g) });
    return r.fits ? r.costUsd : Number.POSITIVE_INFINITY;
  };
  return pool.reduce((best, g) => (cost(g) < cost(best) ? g : best), pool[0]);
}

export function fineTunePlan(ctx: EstimateContext, v: DataVolumes, runs: number, model: OpenModelSpec): FineTunePlan {
  const { book, profile } = ctx;
  if (!ctx.fineTune) return { fineTune: null, options: [], oneOff: 0, retrainMonthly: 0 };
  const meanTokens = F.meanTokensByTask.values[v.sftTask] ?? 600;
  const tokensPerExample = book.get("compute.tokensPerExample", {
    ...derived(meanTokens, "finetune.mean_tokens", { task: v.sftTask }),
    citation: F.meanTokensByTask.source,
    range: { low: meanTokens * 0.5, high: meanTokens * 1.5 },
  });
  const epochs = book.get("compute.epochs", { value: 3, source: "kb", citation: "Alpaca README and FastChat (Vicuna): 3 epochs" });
  const loraRank = book.get("compute.loraRank", kb(C.loraRank));
  const seqLen = Math.max(tokensPerExample, F.packingLength.value);
  const eff = peftEfficiency(F.peftMicroBatch.value * seqLen);
  const fullMfu = book.get("compute.fineTuneMfu", kb(C.fineTuneMfu, true));
  const peftMfu = book.get("compute.peftMfu", {
    ...derived(Math.round(eff.loraMfu * 1000) / 1000, "finetune.peft_mfu", { tokensPerStep: F.peftMicroBatch.value * seqLen }),
    citation: F.efficiency.source,
    range: { low: eff.loraMfu * 0.6, high: eff.loraMfu * 1.1 },
  });
  const qloraSlowdown = book.get("compute.qloraSlowdown", {
    ...derived(Math.round(eff.qloraSlowdown * 100) / 100, "finetune.qlora_slowdown", { tokensPerStep: F.peftMicroBatch.value * seqLen }),
    citation: F.efficiency.source,
  });
  const overhead = book.get("compute.fineTuneOverhead", kb(F.overhead));
  const method = chooseMethod(ctx);
  const base: Omit<FineTuneJob, "method" | "gpu"> = {
    paramsB: model.paramsB,
    // Train on everything curated: the examples needed, or more when more are on hand.
    examples: Math.max(1, v.sftNeeded, profile.labeledExamples.value),
    tokensPerExample,
    epochs,
    mfu: fullMfu,
    peftMfu,
    qloraSlowdown,
    overhead,
    loraRank,
    seqLen,
  };
  const gpu = trainingGpu(ctx, { ...base, method });
  const gpuId = book.text(
    "compute.fineTuneGpu",
    gpu.id as GpuId,
    ctx.input.hardware?.trainingGpu
      ? { source: "user" }
      : {
          source: "default",
          derivation: { code: "finetune.cheapest_gpu", params: { market: ctx.currency === "CNY" ? "cn" : "global", method } },
        },
    "hardware.trainingGpu",
  );
  const price = book.get("compute.gpuPricePerHourUsd", {
    value: gpu.pricePerGpuHourUsd,
    source: "kb",
    citation: gpu.priceSource,
    range: gpu.priceRange,
  });
  const fitGpus = gpusToFit({ ...base, method, gpu: gpuId }, gpu);
  const gpus = book.get("compute.fineTuneGpus", derived(fitGpus, "finetune.fewest_gpus_that_fit", { gpu: gpuId }));
  const options: FineTuneEstimate[] = [];
  let chosen: FineTuneEstimate | null = null;
  for (const m of ["full", "lora", "qlora"] as const) {
    const job: FineTuneJob = { ...base, method: m, gpu: gpuId, pricePerGpuHourUsd: price, gpus: m === method ? gpus : undefined };
    const r = estimateFineTune(job);
    const est: FineTuneEstimate = { ...r, cost: roundMoney(fromUsd(ctx, r.costUsd) * runs), runs };
    options.push(est);
    if (m === method) chosen = est;
  }
  const retrains = book.get("cost.retrainsPerYear", kb(EST.cost.retrainsPerYear));
  return {
    fineTune: chosen,
    options,
    oneOff: chosen ? chosen.cost : 0,
    retrainMonthly: chosen ? (fromUsd(ctx, chosen.costUsd) * retrains) / 12 : 0,
  };
}
