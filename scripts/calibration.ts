// Compares the compute estimators with published figures (data/calibration/public.json, a copy of
// ../shared/calibration/public.json; scripts/calibration-data.ts reads it). Shared by
// `npm run calibrate` (prints the table) and the calibration tests. Inputs a case leaves null are filled only from
// the case's own notes/extra, each fill recorded in `note`; constants come from data/estimation.json, never per case.
import {
  estimateFineTune,
  estimateServing,
  fineTuneMemory,
  modelShape,
  pretrainGpuHours,
  type FineTuneJob,
} from "~/domain/estimate/compute";
import type { FineTuneMethod, GpuId } from "~/domain/estimate/types";

export interface PublicCase {
  id: string;
  name: string;
  source: string;
  model: string | null;
  params_b: number | null;
  method: string | null;
  examples: number | null;
  tokens_if_known: number | null;
  epochs_if_known: number | null;
  gpus: number | null;
  gpu_type: string | null;
  gpu_mem_gb: number | null;
  hours: number | null;
  cost_usd: number | null;
  notes: string;
  extra?: Record<string, unknown>;
}

export type Metric = "gpuHours" | "wallHours" | "costUsd" | "memoryGb" | "flops" | "kvBytesPerToken" | "gpus";
/** How the published figure bounds the truth: an exact report, an upper bound ("< $100") or a lower bound (">780GB"). */
export type Bound = "exact" | "upper" | "lower";

export interface Comparison {
  caseId: string;
  metric: Metric;
  estimate: number;
  published: number;
  ratio: number;
  bound: Bound;
  /** Within the tolerance (2× for compute, 1.3× for memory), allowing for the bound's direction. */
  within: boolean;
  note: string;
}

export const GPU_HOURS_TOLERANCE = 2;
export const MEMORY_TOLERANCE = 1.3;

export function tolerance(metric: Metric): number {
  return metric === "memoryGb" || metric === "kvBytesPerToken" ? MEMORY_TOLERANCE : GPU_HOURS_TOLERANCE;
}

export function isWithin(ratio: number, bound: Bound, tol: number): boolean {
  if (bound === "upper") return ratio <= tol; // any estimate below an upper bound is consistent with it
  if (bound === "lower") return ratio >= 1 / tol;
  return ratio <= tol && ratio >= 1 / tol;
}

export function compare(caseId: string, metric: Metric, estimate: number, published: number, bound: Bound, note: string): Comparison {
  const ratio = estimate / published;
  return { caseId, metric, estimate, published, ratio, bound, within: isWithin(ratio, bound, tolerance(metric)), note };
}

/** Map a case's GPU description to one of our GPU ids; null when we carry no such GPU (T4, A10G). */
export function gpuIdFor(type: string | null, memGb: number | null): GpuId | null {
  if (!type) return null;
  const t = type.toLowerCase();
  if (t === "a100") return memGb === 40 ? "a100-40g" : "a100-80g";
  if (t === "h100") return "h100-80g";
  if (t === "a10") return "a10-24g";
  if (t === "v100") return "v100-32g";
  if (t.includes("48gb") || t.includes("professional")) return "a6000-48g";
  if (t.includes("consumer") && memGb === 24) return "rtx4090-24g";
  return null;
}

const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

function fineTuneCase(c: PublicCase): Comparison[] {
  const out: Comparison[] = [];
  const method = c.method as FineTuneMethod;
  const gpu = gpuIdFor(c.gpu_type, c.gpu_mem_gb) ?? (c.id.startsWith("vicuna") ? "a100-40g" : null);
  if (c.params_b === null || c.examples === null || !gpu) return out;
  const fills: string[] = [];
  let tokens: number;
  if (c.tokens_if_known) tokens = c.tokens_if_known / c.examples;
  else if (num(c.extra?.max_seq_len)) {
    tokens = num(c.extra?.max_seq_len)!;
    fills.push(`tokens/example = max length ${tokens} (a cap)`);
  } else if (num(c.extra?.target_max_len)) {
    tokens = num(c.extra?.target_max_len)! + 16;
    fills.push(`tokens/example = source 16 + target ${tokens - 16} (caps)`);
  } else {
    tokens = 512;
    fills.push("tokens/example = 512 (not published; Alpaca-style cap)");
  }
  let epochs = c.epochs_if_known;
  const steps = num(c.extra?.max_steps);
  const batch = num(c.extra?.effective_batch);
  let examples = c.examples;
  if (epochs === null && steps && batch) {
    examples = steps * batch;
    epochs = 1;
    fills.push(`${steps} steps × batch ${batch} = ${examples} sequences`);
  } else if (epochs === null) {
    epochs = 1;
    fills.push("epochs = 1 (not published)");
  }
  const gpus = c.gpus ?? num(c.extra?.reference_setup_gpus) ?? 8;
  const job: FineTuneJob = {
    paramsB: c.params_b,
    method,
    examples,
    tokensPerExample: tokens,
    epochs,
    gpu,
    gpus,
    loraRank: num(c.extra?.lora_r),
    microBatch: method === "full" ? undefined : 1,
  };
  const r = estimateFineTune(job);
  const note = fills.join("; ");
  if (c.hours !== null && c.gpus !== null) {
    const hoursBound: Bound = c.extra?.hours_is_upper_bound ? "upper" : "exact";
    out.push(compare(c.id, "gpuHours", r.gpuHours, c.hours * c.gpus, hoursBound, note));
    out.push(compare(c.id, "wallHours", r.wallHours, c.hours, hoursBound, note));
  }
  if (c.cost_usd !== null) {
    const bound: Bound = c.extra?.cost_is_upper_bound ? "upper" : "exact";
    out.push(
      compare(c.id, "costUsd", r.costUsd, c.cost_usd, bound, `${note}${note ? "; " : ""}$${r.pricePerGpuHourUsd}/GPU-h on-demand list`),
    );
  }
  if (c.gpu_mem_gb !== null && c.gpus !== null) {
    // The published run fitted on that hardware: our per-GPU estimate must not exceed it by more than the tolerance.
    out.push(
      compare(
        c.id,
        "memoryGb",
        r.memoryGbPerGpu,
        c.gpu_mem_gb,
        "upper",
        `${note}${note ? "; " : ""}published run fitted in ${c.gpus} × ${c.gpu_mem_gb} GB`,
      ),
    );
  }
  return out;
}

function memoryJob(paramsB: number, method: FineTuneMethod, seqLen: number, extra: Partial<FineTuneJob> = {}): number {
  // A measured row holds one sequence of that length: no packing up to the packing length.
  const job: FineTuneJob = {
    paramsB,
    method,
    examples: 1,
    tokensPerExample: seqLen,
    seqLen,
    epochs: 1,
    gpu: "h200-141g",
    microBatch: 1,
    ...extra,
  };
  return fineTuneMemory(job, 1).total;
}

function memoryCase(c: PublicCase): Comparison[] {
  const out: Comparison[] = [];
  const x = c.extra ?? {};
  const p = c.params_b;
  if (p === null) return out;
  if (c.id.startsWith("llamafactory-")) {
    const bits = num(x.bits)!;
    const est =
      c.method === "full"
        ? memoryJob(p, "full", 512, { fullPrecision: bits === 32 ? "amp" : "pure_bf16" })
        : c.method === "lora"
          ? memoryJob(p, "lora", 512)
          : memoryJob(p, "qlora", 512, { quantBits: bits });
    out.push(compare(c.id, "memoryGb", est, num(x.estimated_mem_gb)!, "exact", "batch 1, seq 512 assumed (the table states neither)"));
  } else if (c.id.startsWith("qlora-footprint-")) {
    out.push(
      compare(
        c.id,
        "memoryGb",
        memoryJob(p, "qlora", num(x.seq_len) ?? 512),
        num(x.train_peak_mem_gb_approx)!,
        "exact",
        "training, batch 1, seq 512, gradient checkpointing; LoRA rank default",
      ),
    );
    const serve = estimateServing({ paramsB: p, precision: "int4", contextTokens: 0, concurrency: 1, gpu: "a100-80g" });
    out.push(
      compare(
        c.id,
        "memoryGb",
        serve.totalGb,
        num(x.model_footprint_gb_table6)!,
        "exact",
        "inference footprint (Table 6): 4-bit weights + ≤20% overhead",
      ),
    );
  } else if (c.id === "llama65b-full-ft-memory-per-qlora-paper") {
    out.push(
      compare(
        c.id,
        "memoryGb",
        memoryJob(p, "full", 512),
        num(x.full_ft_mem_gb_lower_bound)!,
        "lower",
        "full 16-bit fine-tuning, unsharded total",
      ),
    );
    out.push(compare(c.id, "memoryGb", memoryJob(p, "qlora", 512), num(x.qlora_mem_gb_upper_bound)!, "upper", "QLoRA, batch 1, seq 512"));
  } else if (c.id.startsWith("chatglm6b-inference")) {
    const precision = x.quantization === "int8" ? "int8" : "fp16";
    const r = estimateServing({ paramsB: p, precision, contextTokens: 2048, concurrency: 1, gpu: "a100-80g" });
    out.push(compare(c.id, "memoryGb", r.totalGb, num(x.measured_mem_gb)!, "exact", "weights + 20% + KV for one 2,048-token dialogue"));
  } else if (c.id === "chatglm6b-ptuning-v2-int4") {
    out.push(
      compare(
        c.id,
        "memoryGb",
        memoryJob(p, "qlora", 128, { quantBits: 4, loraRank: 1 }),
        num(x.measured_mem_gb)!,
        "exact",
        "PEFT on a 4-bit base, seq 64+64, prefix params ≈ 0",
      ),
    );
  } else if (c.id === "chinese-alpaca-lora") {
    const fp16 = x.fp16_model_gb as Record<string, number>;
    const int4 = x.int4_model_gb as Record<string, number>;
    for (const [size, gb] of Object.entries(fp16)) {
      const r = estimateServing({ paramsB: parseFloat(size), precision: "fp16", contextTokens: 0, concurrency: 1, gpu: "a100-80g" });
      out.push(compare(`${c.id}-${size}-fp16`, "memoryGb", r.weightsGb, gb, "exact", "model weights only (file size)"));
    }
    for (const [size, gb] of Object.entries(int4)) {
      const r = estimateServing({ paramsB: parseFloat(size), precision: "int4", contextTokens: 0, concurrency: 1, gpu: "a100-80g" });
      out.push(compare(`${c.id}-${size}-int4`, "memoryGb", r.weightsGb, gb, "exact", "model weights only (file size)"));
    }
  } else if (c.id === "opt13b-kv-cache-vllm") {
    const r = estimateServing({ paramsB: p, precision: "fp16", contextTokens: 2048, concurrency: 1, gpu: "a100-40g" });
    // OPT-13B uses multi-head attention (every head keeps K and V); a bare "13B" serves as a current GQA family, so the
    // case is checked on the MHA formula over the shape inferred from 13B: 2 (K, V) × layers × hidden × 2 bytes.
    const shape = modelShape(p);
    out.push(
      compare(
        c.id,
        "kvBytesPerToken",
        2 * shape.layers * shape.hidden * 2,
        num(x.kv_bytes_per_token)!,
        "exact",
        `MHA shape inferred from 13B on LLaMA proportions (a bare 13B serves as GQA: ${r.kvBytesPerToken.toLocaleString("en-US")} B)`,
      ),
    );
    out.push(compare(c.id, "memoryGb", r.weightsGb, 40 * num(x.weights_share_of_mem)!, "exact", "weights ≈ 65% of an A100-40GB"));
  }
  return out;
}

function otherCase(c: PublicCase): Comparison[] {
  const x = c.extra ?? {};
  if (c.method === "pretrain" && num(x.gpu_hours)) {
    const gpu = gpuIdFor(c.gpu_type, c.gpu_mem_gb);
    if (!gpu || c.params_b === null) return [];
    let tokens = c.tokens_if_known;
    let note = "pretraining MFU (distinct from fine-tuning)";
    if (tokens === null) {
      tokens = 15e12;
      note += "; tokens = 15T from the model card's '15T+'";
    }
    const params = num(x.params_exact_b) ?? c.params_b;
    return [compare(c.id, "gpuHours", pretrainGpuHours(params, tokens, gpu), num(x.gpu_hours)!, "exact", note)];
  }
  if (c.id === "instructgpt-sft" && c.params_b && c.examples && c.epochs_if_known) {
    const flops = 6 * c.params_b * 1e9 * c.examples * c.epochs_if_known * 2048;
    return [
      compare(
        c.id,
        "flops",
        flops,
        num(x.compute_petaflops_s_days)! * 8.64e19,
        "exact",
        "6·P·D with 2,048 tokens/example (GPT-3 context, a cap)",
      ),
    ];
  }
  if (c.id === "openai-gpt35-ft-example" && c.tokens_if_known && c.epochs_if_known) {
    const cost = (c.tokens_if_known * c.epochs_if_known * num(x.train_price_per_1k_tokens)!) / 1000;
    return [compare(c.id, "costUsd", cost, c.cost_usd!, "exact", "billed tokens = file tokens × epochs")];
  }
  if (c.id === "hf-llama2-7b-qlora-t4" && c.params_b && c.gpu_mem_gb) {
    return [
      compare(c.id, "memoryGb", memoryJob(c.params_b, "qlora", 512), c.gpu_mem_gb, "upper", "QLoRA 7B batch 1 seq 512 must fit a 16 GB T4"),
    ];
  }
  if (c.id === "hf-llama2-7b-serving-recommendation" || c.id === "hf-llama2-13b-serving-recommendation") {
    const gpu: GpuId = c.id.includes("7b") ? "a10-24g" : "a100-80g";
    const r = estimateServing({ paramsB: c.params_b!, precision: "fp16", contextTokens: 4096, concurrency: 1, gpu });
    return [
      compare(
        c.id,
        "gpus",
        r.gpus,
        c.gpus!,
        "exact",
        `fp16, 4K context, one request, on ${gpu}${gpu === "a10-24g" ? " (A10G ≈ A10 24 GB)" : ""}`,
      ),
    ];
  }
  return [];
}

export function compareCase(c: PublicCase): Comparison[] {
  if (c.method === "full" || c.method === "lora" || c.method === "qlora") {
    const mem = memoryCase(c);
    if (mem.length) return mem;
    const ft = fineTuneCase(c);
    if (ft.length) return ft;
  }
  const mem = memoryCase(c);
  return mem.length ? mem : otherCase(c);
}

export interface Summary {
  gpuHours: { within: number; total: number };
  memory: { within: number; total: number };
  all: { within: number; total: number };
}

export function summarize(rows: Comparison[]): Summary {
  const count = (f: (r: Comparison) => boolean) => {
    const sel = rows.filter(f);
    return { within: sel.filter((r) => r.within).length, total: sel.length };
  };
  return {
    gpuHours: count((r) => r.metric === "gpuHours" || r.metric === "flops"),
    memory: count((r) => r.metric === "memoryGb" || r.metric === "kvBytesPerToken"),
    all: count(() => true),
  };
}

/**
 * Points issue 10 asks `npm run calibrate` to show, beyond public.json: QLoRA on one GPU as the QLoRA paper and the
 * calibration notes report it. Each with its source; constants still come from data/estimation.json only.
 */
export function issuePoints(): Comparison[] {
  const out: Comparison[] = [];
  // QLoRA paper (arXiv:2305.14314, 2023-05) §5: Guanaco-65B trained "in 24 hours on a single professional GPU" (48 GB);
  // 1,875 steps × batch 16 on OASST1, source ≤ 16 + target ≤ 512 tokens. REFERENCE-FACTS §4: "QLoRA fits 65B on one
  // 48 GB GPU (Guanaco 65B: 24 h)".
  const guanaco = estimateFineTune({
    paramsB: 65,
    method: "qlora",
    examples: 30_000,
    tokensPerExample: 512,
    epochs: 1,
    gpu: "a6000-48g",
    gpus: 1,
  });
  out.push(
    compare(
      "qlora-guanaco-65b-one-48gb",
      "wallHours",
      guanaco.wallHours,
      24,
      "exact",
      "arXiv:2305.14314 §5: 24 h on one 48 GB GPU (A6000 here); 30,000 sequences ≤ 512 tokens",
    ),
  );
  out.push(
    compare(
      "qlora-guanaco-65b-one-48gb",
      "memoryGb",
      guanaco.memoryGbPerGpu,
      48,
      "upper",
      `must fit one 48 GB GPU with paged optimizer states (fits: ${guanaco.fits})`,
    ),
  );
  // REFERENCE-FACTS §4 (derived from the Qwen-7B A100 profiling, QwenLM/Qwen README 2023-10): 10,000 examples × 1,024
  // tokens × 3 epochs ≈ 31M tokens: about 3 h LoRA, 3.6 h Q-LoRA on one A100 for a 7B model.
  const a100 = (method: "lora" | "qlora") =>
    estimateFineTune({ paramsB: 7, method, examples: 10_000, tokensPerExample: 1024, epochs: 3, gpu: "a100-80g", gpus: 1 });
  out.push(
    compare(
      "qwen-7b-lora-10k-a100",
      "wallHours",
      a100("lora").wallHours,
      3,
      "exact",
      "REFERENCE-FACTS §4 (derived): 10k × 1,024 tokens × 3 epochs, LoRA, one A100",
    ),
  );
  out.push(
    compare(
      "qwen-7b-qlora-10k-a100",
      "wallHours",
      a100("qlora").wallHours,
      3.6,
      "exact",
      "REFERENCE-FACTS §4 (derived): 10k × 1,024 tokens × 3 epochs, Q-LoRA, one A100",
    ),
  );
  // Issue 10 (review figure, 2026-11): a 7B QLoRA run of 10k examples takes 1–2 h on one 24 GB GPU (short examples,
  // 256 tokens, 3 epochs): the midpoint 1.5 h, within 2×.
  const small = estimateFineTune({
    paramsB: 7,
    method: "qlora",
    examples: 10_000,
    tokensPerExample: 256,
    epochs: 3,
    gpu: "rtx4090-24g",
    gpus: 1,
  });
  out.push(
    compare(
      "qlora-7b-10k-one-24gb",
      "wallHours",
      small.wallHours,
      1.5,
      "exact",
      "issue 10: 1–2 h on one 24 GB GPU (RTX 4090 here); 10k × 256 tokens × 3 epochs",
    ),
  );
  out.push(compare("qlora-7b-10k-one-24gb", "memoryGb", small.memoryGbPerGpu, 24, "upper", `must fit one 24 GB GPU (fits: ${small.fits})`));
  return out;
}
