// The estimators against published figures that are NOT in the calibration set (data/calibration/public.json, the
// repository's copy of ../shared/calibration/public.json), with the same bounds (GPU-hours within 2×, memory within
// 1.3×), plus a regression check over the calibration set.
import { describe, expect, it } from "vitest";
import { estimateFineTune, fineTuneMemory, type FineTuneJob } from "~/domain/estimate/compute";
import { gpuSpec } from "~/domain/estimate/kb";
import { compare, compareCase, summarize } from "./calibration";
import { readPublicCases } from "./calibration-data";

// Profiled rows hold one sequence of exactly the stated length (no packing up to the packing length).
function memory(job: Omit<FineTuneJob, "examples" | "epochs" | "gpu">): number {
  return fineTuneMemory({ examples: 1, epochs: 1, gpu: "h200-141g", seqLen: job.tokensPerExample, ...job }, 1).total;
}

describe("published cases outside public.json", () => {
  it("Vicuna-13B: 70K ShareGPT conversations, 3 epochs, 2,048 tokens, 8 × A100-80GB in one day, ~$300 on spot instances", () => {
    // LMSYS blog 2023-03-30 'Vicuna: An Open-Source Chatbot Impressing GPT-4': "The training was done with PyTorch FSDP
    // on 8 A100 GPUs in one day"; Table 1: training cost (13B) $300 (SkyPilot managed spot). FastChat README: max length
    // 2048, 3 epochs, 8 × A100 (80GB) for 13B.
    const spot = gpuSpec("a100-80g")!.priceRange.low; // managed spot → the low end of the dated price range
    const r = estimateFineTune({
      paramsB: 13,
      method: "full",
      examples: 70_000,
      tokensPerExample: 2048,
      epochs: 3,
      gpu: "a100-80g",
      gpus: 8,
      pricePerGpuHourUsd: spot,
    });
    const rows = [
      compare("vicuna-13b", "gpuHours", r.gpuHours, 8 * 24, "exact", "2,048 is the max length, not the average"),
      compare("vicuna-13b", "costUsd", r.costUsd, 300, "exact", "spot price"),
    ];
    for (const row of rows) expect(row.within, `${row.metric} ratio ${row.ratio.toFixed(2)}`).toBe(true);
    expect(r.fits).toBe(true);
  });

  // Qwen README 'Profiling of Memory and Speed' (QwenLM/Qwen, 2023-10): batch 1, gradient checkpointing, LoRA r = 64
  // (finetune/finetune_lora_single_gpu.sh). Qwen-7B has 7.7B parameters, Qwen-14B 14.2B, Qwen-72B 72.3B.
  const qwen: { name: string; job: Omit<FineTuneJob, "examples" | "epochs" | "gpu">; gb: number }[] = [
    { name: "Qwen-7B LoRA @256", job: { paramsB: 7.7, method: "lora", tokensPerExample: 256, microBatch: 1, loraRank: 64 }, gb: 20.1 },
    { name: "Qwen-7B LoRA @2048", job: { paramsB: 7.7, method: "lora", tokensPerExample: 2048, microBatch: 1, loraRank: 64 }, gb: 23.8 },
    { name: "Qwen-7B LoRA @8192", job: { paramsB: 7.7, method: "lora", tokensPerExample: 8192, microBatch: 1, loraRank: 64 }, gb: 36.6 },
    { name: "Qwen-7B Q-LoRA @256", job: { paramsB: 7.7, method: "qlora", tokensPerExample: 256, microBatch: 1, loraRank: 64 }, gb: 11.5 },
    { name: "Qwen-7B Q-LoRA @2048", job: { paramsB: 7.7, method: "qlora", tokensPerExample: 2048, microBatch: 1, loraRank: 64 }, gb: 13.9 },
    { name: "Qwen-14B Q-LoRA @256", job: { paramsB: 14.2, method: "qlora", tokensPerExample: 256, microBatch: 1, loraRank: 64 }, gb: 18.7 },
    { name: "Qwen-72B Q-LoRA @256", job: { paramsB: 72.3, method: "qlora", tokensPerExample: 256, microBatch: 1, loraRank: 64 }, gb: 61.4 },
    {
      name: "Qwen-72B Q-LoRA @8192",
      job: { paramsB: 72.3, method: "qlora", tokensPerExample: 8192, microBatch: 1, loraRank: 64 },
      gb: 75.6,
    },
  ];

  it("Qwen LoRA / Q-LoRA memory table: LoRA rows and 72B at 256 tokens within 1.3×; the known misses lean the documented way", () => {
    const rows = qwen.map((q) => ({ q, row: compare(q.name, "memoryGb", memory(q.job), q.gb, "exact", "") }));
    for (const { q, row } of rows) {
      if (q.job.method === "lora" || q.name === "Qwen-72B Q-LoRA @256")
        expect(row.within, `${q.name}: ratio ${row.ratio.toFixed(2)}`).toBe(true);
    }
    // Known misses (see the calibration note): Qwen's GPTQ-Int4 checkpoints keep the 152K-token embedding and output
    // layers in 16 bits, which a 4-bit-everywhere estimate leaves out, so small Q-LoRA rows come out low; Qwen uses
    // FlashAttention, so the attention-score activations our formula keeps for long sequences make 8K rows come out high.
    for (const { q, row } of rows) {
      if (q.job.method === "qlora" && q.job.paramsB < 20) expect(row.ratio, q.name).toBeLessThan(1);
      if (q.job.tokensPerExample === 8192 && q.job.method === "qlora") expect(row.ratio, q.name).toBeGreaterThan(1);
    }
    // Memory grows with sequence length, as in the table.
    expect(memory(qwen[2].job)).toBeGreaterThan(memory(qwen[1].job));
    expect(memory(qwen[1].job)).toBeGreaterThan(memory(qwen[0].job));
  });

  it("ZeRO paper: GPT-2 1.5B with mixed-precision Adam needs at least 24 GB (16 bytes/param)", () => {
    // arXiv:1910.02054 §3.1: "In total, this results 16Φ bytes ... GPT-2 with 1.5 Billion parameters ... at least 24 GB".
    const gb = memory({ paramsB: 1.5, method: "full", tokensPerExample: 1024, microBatch: 1 });
    const row = compare("zero-gpt2", "memoryGb", gb, 24, "lower", "");
    expect(row.within).toBe(true);
    expect(gb).toBeGreaterThanOrEqual(24);
  });

  it("HF StackLLaMA rule: 8-bit base + LoRA needs ~1.2–1.4 GB per billion parameters", () => {
    // huggingface.co/blog/stackllama (2023-04-05): "allocate ~1.2-1.4GB per billion parameters".
    for (const paramsB of [7, 13, 30]) {
      const gb = memory({ paramsB, method: "qlora", quantBits: 8, tokensPerExample: 512, microBatch: 1 });
      const row = compare(`stackllama-${paramsB}b`, "memoryGb", gb, 1.3 * paramsB, "exact", "");
      expect(row.within, `${paramsB}B: ${gb.toFixed(1)} GB`).toBe(true);
    }
  });
});

describe("public.json regression", () => {
  it("keeps GPU-hours within 2× and memory within 1.3× on most published cases", () => {
    const { cases } = readPublicCases();
    const s = summarize(cases.flatMap(compareCase));
    expect(s.gpuHours.total).toBeGreaterThanOrEqual(10);
    expect(s.memory.total).toBeGreaterThanOrEqual(30);
    expect(s.gpuHours.within / s.gpuHours.total).toBeGreaterThanOrEqual(0.75);
    expect(s.memory.within / s.memory.total).toBeGreaterThanOrEqual(0.9);
  });
});
