// Compute estimators (FORMULAS.md §1–4): fine-tuning memory, GPUs, GPU-hours, wall time and cost; serving memory and
// GPUs. Pure functions over the knowledge base: the CLI (`tierwise estimate`), the plan and calibration share them.
import { EST, gpuSpec, type GpuSpec } from "~/domain/estimate/kb";
import { round3 } from "~/domain/estimate/money";
import { fitReplicas, nearestModel, replicaMemory } from "~/domain/estimate/serving/memory";
import type { FineTuneEstimate, FineTuneMethod, GpuId, MemoryBreakdownGb, Precision } from "~/domain/estimate/types";
import { HOURS_PER_MONTH } from "~/domain/estimate/units";

const C = EST.constants;
const F = EST.fineTune;
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
  /** Mean tokens per example; with packing nothing is padded, so tokens = examples × this × epochs. */
  tokensPerExample: number;
  epochs: number;
  gpu: GpuId;
  /** Fixed GPU count; absent → the fewest that fit (powers of two). */
  gpus?: number;
  /** Model FLOPs utilisation for full fine-tuning (PEFT reads the profiled table at its tokens per step). */
  mfu?: number;
  /** Override of the LoRA MFU (PEFT), before QLoRA's slowdown. */
  peftMfu?: number;
  /** Override of QLoRA's slowdown against LoRA. */
  qloraSlowdown?: number;
  /** Factor for evaluation, checkpointing and data loading on top of the profiled step time. */
  overhead?: number;
  loraRank?: number;
  /** Sequences per micro-step: 1 for PEFT (paged optimizer, gradient accumulation), 4 for full fine-tuning. */
  microBatch?: number;
  /** Sequence length held in memory: the packing length when examples are packed (default), else the example length. */
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

const isPeft = (m: FineTuneMethod) => m !== "full";
const microBatchOf = (job: FineTuneJob) => job.microBatch ?? (isPeft(job.method) ? F.peftMicroBatch.value : C.trainMicroBatch.value);
const seqLenOf = (job: FineTuneJob) => job.seqLen ?? Math.max(job.tokensPerExample, F.packingLength.value);

/**
 * Per-GPU memory (GB) for a job on `n` GPUs, and the parts. Full fine-tuning shards states ZeRO-3 style. QLoRA's
 * paged AdamW holds its states on the GPU while there is room and moves them to CPU memory when the GPU runs short:
 * they count in the memory (a measured peak on a large GPU includes them) and `pageable` says how much can leave.
 */
export function fineTuneMemory(job: FineTuneJob, n: number): { perGpu: number; total: number; pageable: number; parts: MemoryBreakdownGb } {
  const p = job.paramsB * 1e9;
  const { hidden, layers, heads } = modelShape(job.paramsB);
  const s = seqLenOf(job);
  const b = microBatchOf(job);
  let weights: number, gradients: number, optimizer: number;
  let paged = 0;
  if (job.method === "full") {
    const perParam = job.fullPrecision === "pure_bf16" ? C.pureBf16FtBytesPerParam.value : C.fullFtBytesPerParam.value;
    weights = 2 * p;
    gradients = 2 * p;
    optimizer = (perParam - 4) * p;
  } else {
    const rank = job.loraRank ?? C.loraRank.value;
    const adapter = Math.min(1, (C.adapterParamsPerRankPerHidden.value * rank) / hidden) * p;
    const qlora = job.method === "qlora";
    const baseBytes = qlora
      ? (job.quantBits === undefined ? C.qloraBitsPerParam.value : job.quantBits + 0.127) / 8
      : C.loraBaseBytesPerParam.value;
    const adapterBytes = qlora ? F.qloraAdapterBytesPerParam.value : C.adapterBytesPerParam.value;
    weights = baseBytes * p + 2 * adapter;
    gradients = 2 * adapter;
    optimizer = (adapterBytes - 4) * adapter;
    if (qlora) paged = optimizer;
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
  return { perGpu: perGpu / GB, total: total / GB, pageable: paged / GB, parts };
}

const MAX_GPUS = 1024;

/** The fewest GPUs (1, 2, 4, 8, …) on which the job fits; PEFT jobs that do not fit on one GPU split the model evenly. */
export function gpusToFit(job: FineTuneJob, gpu: GpuSpec): number {
  for (let n = 1; n <= MAX_GPUS; n *= 2) {
    const m = fineTuneMemory(job, n);
    const perGpu = (job.method === "full" ? m.perGpu : m.perGpu / n) - m.pageable;
    if (perGpu <= gpu.memoryGb) return n;
  }
  return MAX_GPUS;
}

/** Linear interpolation in log2(tokens per step) over the profiled table, clamped at its ends. */
function interpolate(xs: readonly number[], ys: readonly number[], x: number): number {
  if (x <= xs[0]) return ys[0];
  for (let i = 1; i < xs.length; i++) {
    if (x <= xs[i]) {
      const t = (Math.log2(x) - Math.log2(xs[i - 1])) / (Math.log2(xs[i]) - Math.log2(xs[i - 1]));
      return ys[i - 1] + t * (ys[i] - ys[i - 1]);
    }
  }
  return ys[ys.length - 1];
}

/** LoRA MFU and QLoRA's slowdown against it at a number of tokens per micro-step (Qwen-7B profiling). */
export function peftEfficiency(tokensPerStep: number): { loraMfu: number; qloraSlowdown: number } {
  const e = F.efficiency;
  const lora = interpolate(e.tokensPerStep, e.lora, tokensPerStep);
  const qlora = interpolate(e.tokensPerStep, e.qlora, tokensPerStep);
  return { loraMfu: lora, qloraSlowdown: lora / qlora };
}

export function estimateFineTune(job: FineTuneJob): FineTuneResult {
  const gpu = requireGpu(job.gpu);
  const gpus = job.gpus ?? gpusToFit(job, gpu);
  const mem = fineTuneMemory(job, gpus);
  // PEFT replicas hold a whole model each; if one GPU is not enough the model is split (pipeline), memory divides.
  const held = job.method === "full" ? mem.perGpu : gpus > 1 && mem.perGpu - mem.pageable > gpu.memoryGb ? mem.perGpu / gpus : mem.perGpu;
  // Paged optimizer states leave the GPU when it runs short (QLoRA: Guanaco-65B trains on one 48 GB GPU).
  const perGpu = held > gpu.memoryGb ? Math.max(gpu.memoryGb, held - mem.pageable) : held;
  const trainingTokens = job.examples * job.tokensPerExample * job.epochs;
  const flops = C.trainingFlopsPerParamToken.value * job.paramsB * 1e9 * trainingTokens;
  const tokensPerStep = microBatchOf(job) * seqLenOf(job);
  const eff = peftEfficiency(tokensPerStep);
  const mfu =
    job.method === "full"
      ? (job.mfu ?? C.fineTuneMfu.value)
      : (job.peftMfu ?? eff.loraMfu) / (job.method === "qlora" ? (job.qloraSlowdown ?? eff.qloraSlowdown) : 1);
  // The PEFT efficiencies are profiled step times; full fine-tuning's MFU comes from whole published jobs already.
  const overhead = job.method === "full" ? 1 : (job.overhead ?? F.overhead.value);
  const gpuHours = (flops / (gpu.bf16DenseTflops * 1e12 * mfu) / 3600) * overhead;
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
    mfu: round3(mfu),
    tokensPerStep,
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
  /** The family member whose attention config sized the KV cache (the closest in parameters). */
  architecture: string;
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
  /** GPUs in all: tensor-parallel degree per replica (1, 2, 4, 8; whole nodes of 8 past one node) × replicas. */
  gpus: number;
  gpusPerReplica: number;
  monthlyGpuHours: number;
  pricePerGpuHourUsd: number;
  monthlyCostUsd: number;
}

/** Memory-bound serving of one model: weights + overhead + GQA-aware KV cache for context × concurrency. */
export function estimateServing(job: ServeJob): ServeResult {
  const gpu = requireGpu(job.gpu);
  const arch = nearestModel(job.paramsB);
  const fit = fitReplicas({
    paramsB: job.paramsB,
    model: arch,
    precision: job.precision,
    gpu: gpu.id,
    gpuMemoryGb: gpu.memoryGb,
    contextTokens: job.contextTokens,
    sequences: job.concurrency,
    neededGpus: 0,
  });
  if (!fit) throw new Error(`${job.paramsB}B at ${job.precision} does not fit on 64 × ${gpu.id}`);
  // The memory of all sequences, as asked; replicas split the cache when one replica cannot hold it.
  const mem = replicaMemory({
    paramsB: job.paramsB,
    model: arch,
    precision: job.precision,
    gpu: gpu.id,
    gpuMemoryGb: gpu.memoryGb,
    contextTokens: job.contextTokens,
    sequences: job.concurrency,
  });
  const gpus = fit.tp * fit.replicas;
  const price = job.pricePerGpuHourUsd ?? gpu.pricePerGpuHourUsd;
  const monthlyGpuHours = gpus * HOURS_PER_MONTH;
  return {
    paramsB: job.paramsB,
    architecture: arch.id,
    precision: job.precision,
    gpu: gpu.id,
    gpuMemoryGb: gpu.memoryGb,
    contextTokens: job.contextTokens,
    concurrency: job.concurrency,
    weightsGb: round3(mem.weightsGb),
    kvCacheGb: round3(mem.kvCacheGb),
    kvBytesPerToken: mem.kvBytesPerToken,
    overheadGb: round3(mem.overheadGb),
    totalGb: round3(mem.totalGb),
    gpus,
    gpusPerReplica: fit.memory.gpusPerReplica,
    monthlyGpuHours,
    pricePerGpuHourUsd: price,
    monthlyCostUsd: Math.round(monthlyGpuHours * price * 100) / 100,
  };
}
