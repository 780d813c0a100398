// Compute estimators (FORMULAS.md §1–4): fine-tuning memory, GPUs, GPU-hours, wall time and cost; serving memory
// and GPUs; hosted-API token cost. Pure functions over the knowledge base: the CLI, the plan and calibration share them.
import { EST, gpuSpec, type ApiPrice, type GpuSpec } from "~/domain/estimate/kb";
import { round3 } from "~/domain/estimate/money";
import type { FineTuneEstimate, FineTuneMethod, GpuId, MemoryBreakdownGb, Precision } from "~/domain/estimate/types";

const C = EST.constants;
const GB = 1e9;

/** Transformer shape implied by the parameter count, on LLaMA proportions (see hiddenPerLayerRatio). */
export function modelShape(paramsB: number): { hidden: number; layers: number; heads: number } {
  const p = paramsB * 1e9;
  const hidden = Math.cbrt((p * C.hiddenPerLayerRatio.value) / 12);
  const layers = p / (12 * hidden * hidden);
  return { hidden, layers, heads: Math.max(1, hidden / C.headDim.value) };
}

export interface FineTuneJob {
  paramsB: number;
  method: FineTuneMethod;
  examples: number;
  tokensPerExample: number;
  epochs: number;
  gpu: GpuId;
  /** Fixed GPU count; absent → the fewest that fit (powers of two). */
  gpus?: number;
  mfu?: number;
  loraRank?: number;
  microBatch?: number;
  /** Sequence length held in memory; defaults to tokensPerExample. */
  seqLen?: number;
  pricePerGpuHourUsd?: number;
  /** Quantization of the frozen base for QLoRA (4 by default; 8 and 2 for LLaMA-Factory's rows). */
  quantBits?: number;
  /** Full fine-tuning optimizer precision: mixed-precision AdamW (16 B/param) or pure bf16 (8 B/param). */
  fullPrecision?: "amp" | "pure_bf16";
}

/** One fine-tuning job: the plan's `FineTuneEstimate` less what only the plan knows (runs, cost in its currency). */
export type FineTuneResult = Omit<FineTuneEstimate, "cost" | "runs">;

function requireGpu(id: string): GpuSpec {
  const g = gpuSpec(id);
  if (!g) throw new Error(`unknown GPU id ${id}`);
  return g;
}

/** Per-GPU memory (GB) for a job on `n` GPUs, and the parts. Full fine-tuning shards states ZeRO-3 style. */
export function fineTuneMemory(job: FineTuneJob, n: number): { perGpu: number; total: number; parts: MemoryBreakdownGb } {
  const p = job.paramsB * 1e9;
  const { hidden, layers, heads } = modelShape(job.paramsB);
  const s = job.seqLen ?? job.tokensPerExample;
  const b = job.microBatch ?? C.trainMicroBatch.value;
  let weights: number, gradients: number, optimizer: number;
  if (job.method === "full") {
    const perParam = job.fullPrecision === "pure_bf16" ? C.pureBf16FtBytesPerParam.value : C.fullFtBytesPerParam.value;
    weights = 2 * p;
    gradients = 2 * p;
    optimizer = (perParam - 4) * p;
  } else {
    const rank = job.loraRank ?? C.loraRank.value;
    const adapter = Math.min(1, (C.adapterParamsPerRankPerHidden.value * rank) / hidden) * p;
    const baseBytes = job.method === "lora" ? C.loraBaseBytesPerParam.value : (job.quantBits === undefined ? C.qloraBitsPerParam.value : job.quantBits + 0.127) / 8;
    const adapterBytes = C.adapterBytesPerParam.value;
    weights = baseBytes * p + 2 * adapter;
    gradients = 2 * adapter;
    optimizer = (adapterBytes - 4) * adapter;
  }
  // Gradient checkpointing (Korthikanti et al.): 2·s·b·h·L kept, plus one layer's activations live during its backward.
  const activations = 2 * s * b * hidden * layers + s * b * hidden * (34 + (5 * heads * s) / hidden);
  const shard = job.method === "full" ? Math.max(1, n) : 1;
  const statesPerGpu = (weights + gradients + optimizer) / shard;
  const overheadShare = C.memoryOverheadFraction.value;
  const perGpu = (statesPerGpu + activations) * (1 + overheadShare);
  const total = (weights + gradients + optimizer + activations) * (1 + overheadShare);
  const parts: MemoryBreakdownGb = {
    weights: round3(weights / shard / GB),
    gradients: round3(gradients / shard / GB),
    optimizer: round3(optimizer / shard / GB),
    activations: round3(activations / GB),
    overhead: round3(((statesPerGpu + activations) * overheadShare) / GB),
  };
  return { perGpu: perGpu / GB, total: total / GB, parts };
}

const MAX_GPUS = 1024;

/** The fewest GPUs (1, 2, 4, 8, …) on which the job fits; PEFT jobs that do not fit on one GPU split the model evenly. */
export function gpusToFit(job: FineTuneJob, gpu: GpuSpec): number {
  for (let n = 1; n <= MAX_GPUS; n *= 2) {
    const m = fineTuneMemory(job, n);
    const perGpu = job.method === "full" ? m.perGpu : m.perGpu / n;
    if (perGpu <= gpu.memoryGb) return n;
  }
  return MAX_GPUS;
}

export function estimateFineTune(job: FineTuneJob): FineTuneResult {
  const gpu = requireGpu(job.gpu);
  const gpus = job.gpus ?? gpusToFit(job, gpu);
  const mem = fineTuneMemory(job, gpus);
  // PEFT replicas hold a whole model each; if one GPU is not enough the model is split (pipeline), memory divides.
  const perGpu = job.method === "full" ? mem.perGpu : gpus > 1 && mem.perGpu > gpu.memoryGb ? mem.perGpu / gpus : mem.perGpu;
  const trainingTokens = job.examples * job.tokensPerExample * job.epochs;
  const flops = C.trainingFlopsPerParamToken.value * job.paramsB * 1e9 * trainingTokens;
  const mfu = job.mfu ?? C.fineTuneMfu.value;
  const gpuHours = flops / (gpu.bf16DenseTflops * 1e12 * mfu) / 3600;
  const price = job.pricePerGpuHourUsd ?? gpu.pricePerGpuHourUsd;
  return {
    method: job.method,
    paramsB: job.paramsB,
    gpu: gpu.id,
    gpuMemoryGb: gpu.memoryGb,
    examples: job.examples,
    tokensPerExample: job.tokensPerExample,
    epochs: job.epochs,
    trainingTokens,
    flops,
    mfu,
    memoryGbPerGpu: round3(perGpu),
    memoryGbTotal: round3(mem.total),
    memoryBreakdownGb: mem.parts,
    gpus,
    gpuHours: round3(gpuHours),
    wallHours: round3(gpuHours / gpus),
    pricePerGpuHourUsd: price,
    costUsd: Math.round(gpuHours * price * 100) / 100,
    fits: perGpu <= gpu.memoryGb,
  };
}

/** Pretraining GPU-hours (calibration only): 6·P·D at the pretraining MFU, distinct from the fine-tuning one. */
export function pretrainGpuHours(paramsB: number, tokens: number, gpuId: GpuId, mfu = C.pretrainMfu.value): number {
  const gpu = requireGpu(gpuId);
  return (C.trainingFlopsPerParamToken.value * paramsB * 1e9 * tokens) / (gpu.bf16DenseTflops * 1e12 * mfu) / 3600;
}

export interface ServeJob {
  paramsB: number;
  precision: Precision;
  contextTokens: number;
  concurrency: number;
  gpu: GpuId;
  pricePerGpuHourUsd?: number;
}

export interface ServeResult {
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
  gpus: number;
  monthlyGpuHours: number;
  pricePerGpuHourUsd: number;
  monthlyCostUsd: number;
}

/** Weights + ≤20% overhead (Transformer Math 101) + KV cache for context × concurrency (vLLM §3, MHA, fp16 cache). */
export function estimateServing(job: ServeJob): ServeResult {
  const gpu = requireGpu(job.gpu);
  const { hidden, layers } = modelShape(job.paramsB);
  const weights = job.paramsB * 1e9 * C.inferenceBytesPerParam[job.precision];
  const kvPerToken = 2 * layers * hidden * C.kvBytesPerElement.value;
  const kv = kvPerToken * job.contextTokens * job.concurrency;
  const overhead = weights * C.memoryOverheadFraction.value;
  const total = weights + overhead + kv;
  const gpus = Math.max(1, Math.ceil(total / GB / (gpu.memoryGb * C.gpuMemoryUsable.value)));
  const price = job.pricePerGpuHourUsd ?? gpu.pricePerGpuHourUsd;
  const monthlyGpuHours = gpus * C.hoursPerMonth.value;
  return {
    paramsB: job.paramsB,
    precision: job.precision,
    gpu: gpu.id,
    gpuMemoryGb: gpu.memoryGb,
    contextTokens: job.contextTokens,
    concurrency: job.concurrency,
    weightsGb: round3(weights / GB),
    kvCacheGb: round3(kv / GB),
    kvBytesPerToken: Math.round(kvPerToken),
    overheadGb: round3(overhead / GB),
    totalGb: round3(total / GB),
    gpus,
    monthlyGpuHours,
    pricePerGpuHourUsd: price,
    monthlyCostUsd: Math.round(monthlyGpuHours * price * 100) / 100,
  };
}

/** Monthly hosted-API cost in USD for a price entry (CNY quotes converted at `cnyPerUsd`). */
export function apiMonthlyCostUsd(price: ApiPrice, monthlyRequests: number, inputTokens: number, outputTokens: number, cnyPerUsd: number): number {
  const toUsd = price.currency === "USD" ? 1 : 1 / cnyPerUsd;
  return ((monthlyRequests * (inputTokens * price.inputPerMTok + outputTokens * price.outputPerMTok)) / 1e6) * toUsd;
}
