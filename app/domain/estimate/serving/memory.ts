// Serving memory: weights at a precision, the KV cache from each family's attention (GQA: layers × KV heads × head_dim;
// MLA: the compressed latent), and the fewest GPUs per replica — a valid tensor-parallel degree — that hold them.
import { EST, MODELS, type OpenModelSpec } from "~/domain/estimate/kb";
import type { GpuId, Precision } from "~/domain/estimate/types";

const S = EST.serving;
const GB = 1e9;

export function bytesPerParam(precision: Precision): number {
  return S.bytesPerParam[precision];
}

/** Whether the GPU has FP8 tensor cores (Hopper, Ada); elsewhere 8-bit serving is int8 weight-only. */
export function supportsFp8(gpu: GpuId): boolean {
  return (S.fp8Hardware.ids as readonly string[]).includes(gpu);
}

/** The family member closest in parameters (log scale): the architecture that sizes the KV cache for a bare size. */
export function nearestModel(paramsB: number): OpenModelSpec {
  let best = MODELS.models[0];
  for (const m of MODELS.models) if (Math.abs(Math.log(m.paramsB / paramsB)) < Math.abs(Math.log(best.paramsB / paramsB))) best = m;
  return best;
}

/** KV bytes per token: from the family's config at fp16, halved when the cache is kept in FP8. */
export function kvBytesPerToken(model: Pick<OpenModelSpec, "kvBytesPerTokenFp16">, precision: Precision, gpu: GpuId): number {
  const fp8Cache = precision === "fp8" && supportsFp8(gpu);
  return fp8Cache ? (model.kvBytesPerTokenFp16 * S.kvBytesPerElementFp8.value) / 2 : model.kvBytesPerTokenFp16;
}

export interface ReplicaMemory {
  weightsGb: number;
  kvCacheGb: number;
  kvBytesPerToken: number;
  overheadGb: number;
  totalGb: number;
  /** GPUs per replica: the smallest tensor-parallel degree whose memory holds the replica; 0 when none does. */
  gpusPerReplica: number;
}

/**
 * One replica's memory: weights + runtime overhead + the KV cache of `sequences` sequences of `contextTokens` each.
 * Tensor parallelism splits weights and KV cache over the GPUs (KV heads replicate past the KV-head count, which only
 * matters beyond TP 8 for the families here).
 */
export function replicaMemory(args: {
  paramsB: number;
  model: Pick<OpenModelSpec, "kvBytesPerTokenFp16">;
  precision: Precision;
  gpu: GpuId;
  gpuMemoryGb: number;
  contextTokens: number;
  sequences: number;
}): ReplicaMemory {
  const weights = args.paramsB * 1e9 * bytesPerParam(args.precision);
  const kvPerToken = kvBytesPerToken(args.model, args.precision, args.gpu);
  const kv = kvPerToken * args.contextTokens * Math.max(1, args.sequences);
  const overhead = weights * S.runtimeOverheadShare.value;
  const total = weights + kv + overhead;
  const usable = args.gpuMemoryGb * GB * S.usableMemoryShare.value;
  const tp = S.tensorParallel.values.find((n) => total / n <= usable) ?? 0;
  return {
    weightsGb: weights / GB,
    kvCacheGb: kv / GB,
    kvBytesPerToken: Math.round(kvPerToken),
    overheadGb: overhead / GB,
    totalGb: total / GB,
    gpusPerReplica: tp,
  };
}

/** Replicas spanning 2, 4 or 8 nodes of 8 GPUs, for weights no single node holds. */
const MULTI_NODE_DEGREES = [16, 32, 64] as const;

export interface ReplicaFit {
  /** GPUs of one replica: a tensor-parallel degree (1, 2, 4, 8), or whole 8-GPU nodes (16, 32, 64) as pipeline stages. */
  tp: number;
  replicas: number;
  /** One replica's memory with its share of the concurrent sequences; `gpusPerReplica` is the tensor-parallel degree. */
  memory: ReplicaMemory;
}

/**
 * The fewest GPUs that serve `sequences` concurrent sequences and `neededGpus` of compute: for each valid tensor-parallel
 * degree, the sequences one replica's memory holds after weights and overhead, then the replicas that both the cache
 * and the compute need. Undefined when no degree holds the weights with room for one sequence.
 */
export function fitReplicas(
  args: Omit<Parameters<typeof replicaMemory>[0], "sequences"> & { sequences: number; neededGpus: number },
): ReplicaFit | undefined {
  const sequences = Math.max(1, Math.ceil(args.sequences));
  const one = replicaMemory({ ...args, sequences: 1 });
  const kvPerSequence = one.kvCacheGb * GB;
  const fixed = (one.weightsGb + one.overheadGb) * GB;
  const usable = args.gpuMemoryGb * GB * S.usableMemoryShare.value;
  const fit = (degrees: readonly number[]) => {
    let best: { tp: number; replicas: number } | undefined;
    for (const tp of degrees) {
      const perReplica = Math.floor((tp * usable - fixed) / kvPerSequence);
      if (perReplica < 1) continue;
      const replicas = Math.max(1, Math.ceil(args.neededGpus / tp), Math.ceil(sequences / perReplica));
      if (!best || tp * replicas < best.tp * best.replicas) best = { tp, replicas };
    }
    return best;
  };
  // Within one 8-GPU node first; a model too large for a node spans whole nodes (pipeline stages of 8).
  const best = fit(S.tensorParallel.values) ?? fit(MULTI_NODE_DEGREES);
  if (!best) return undefined;
  const memory = replicaMemory({ ...args, sequences: Math.ceil(sequences / best.replicas) });
  return { ...best, memory: { ...memory, gpusPerReplica: Math.min(best.tp, 8) } };
}
