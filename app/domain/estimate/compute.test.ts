import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { estimateFineTune, estimateServing, modelShape } from "~/domain/estimate/compute";
import { GPUS } from "~/domain/estimate/kb";

describe("fine-tune estimator", () => {
  it("puts an Alpaca-like run (7B full, 52k × 512 tokens × 3 epochs, 8 × A100-80GB) near 3 hours and near $100", () => {
    // Stanford Alpaca blog (2023-03-13): 3 hours on 8 × 80GB A100, under $100 on most cloud providers.
    const r = estimateFineTune({ paramsB: 7, method: "full", examples: 52_000, tokensPerExample: 512, epochs: 3, gpu: "a100-80g", gpus: 8 });
    expect(r.fits).toBe(true);
    expect(r.wallHours).toBeGreaterThan(3 / 1.5);
    expect(r.wallHours).toBeLessThan(3 * 1.5);
    expect(r.costUsd).toBeGreaterThan(100 / 1.5);
    expect(r.costUsd).toBeLessThan(100 * 1.5);
    expect(r.gpuHours).toBeCloseTo(r.wallHours * 8, 1);
  });

  it("needs less memory for LoRA than full fine-tuning, and less for QLoRA than LoRA", () => {
    for (const paramsB of [7, 13, 33, 70]) {
      const job = { paramsB, examples: 1000, tokensPerExample: 512, epochs: 1, gpu: "h200-141g" as const, gpus: 1 };
      const full = estimateFineTune({ ...job, method: "full" }).memoryGbPerGpu;
      const lora = estimateFineTune({ ...job, method: "lora" }).memoryGbPerGpu;
      const qlora = estimateFineTune({ ...job, method: "qlora" }).memoryGbPerGpu;
      expect(lora).toBeLessThan(full);
      expect(qlora).toBeLessThan(lora);
    }
  });

  it("picks the fewest GPUs that fit when none are given, and reports that they fit", () => {
    const r = estimateFineTune({ paramsB: 70, method: "full", examples: 1000, tokensPerExample: 512, epochs: 1, gpu: "a100-80g" });
    expect(r.fits).toBe(true);
    expect(r.gpus).toBeGreaterThan(8);
    const fewer = estimateFineTune({ paramsB: 70, method: "full", examples: 1000, tokensPerExample: 512, epochs: 1, gpu: "a100-80g", gpus: r.gpus / 2 });
    expect(fewer.fits).toBe(false);
  });

  it("says a 65B QLoRA job does not fit a 24 GB card", () => {
    const r = estimateFineTune({ paramsB: 65, method: "qlora", examples: 1000, tokensPerExample: 512, epochs: 1, gpu: "rtx4090-24g", gpus: 1 });
    expect(r.fits).toBe(false);
  });

  it("scales GPU-hours linearly with examples and epochs (6·P·D)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 100_000 }), fc.integer({ min: 1, max: 5 }), (examples, epochs) => {
        const a = estimateFineTune({ paramsB: 7, method: "lora", examples, tokensPerExample: 256, epochs, gpu: "a100-80g", gpus: 1 });
        const b = estimateFineTune({ paramsB: 7, method: "lora", examples: examples * 2, tokensPerExample: 256, epochs, gpu: "a100-80g", gpus: 1 });
        expect(b.flops / a.flops).toBeCloseTo(2, 6);
      }),
      { numRuns: 30 },
    );
  });
});

describe("serving estimator", () => {
  it("gives the vLLM paper's 800 KB of KV cache per token for a 13B model, within 10%", () => {
    // arXiv:2309.06180 §3: 2 × 5120 × 40 × 2 bytes = 800 KB per token for OPT-13B.
    const r = estimateServing({ paramsB: 13, precision: "fp16", contextTokens: 2048, concurrency: 1, gpu: "a100-40g" });
    expect(r.kvBytesPerToken / 819_200).toBeGreaterThan(0.9);
    expect(r.kvBytesPerToken / 819_200).toBeLessThan(1.1);
  });

  it("halves the weights from fp16 to int8 and again to int4", () => {
    const at = (precision: "fp16" | "int8" | "int4") => estimateServing({ paramsB: 13, precision, contextTokens: 4096, concurrency: 8, gpu: "a100-80g" }).weightsGb;
    expect(at("int8")).toBeCloseTo(at("fp16") / 2, 6);
    expect(at("int4")).toBeCloseTo(at("int8") / 2, 6);
  });

  it("never needs fewer GPUs for more concurrency or a longer context", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 256 }), fc.integer({ min: 1, max: 64 }), fc.constantFrom(...GPUS.gpus.map((g) => g.id)), (concurrency, more, gpu) => {
        const a = estimateServing({ paramsB: 13, precision: "fp16", contextTokens: 4096, concurrency, gpu });
        const b = estimateServing({ paramsB: 13, precision: "fp16", contextTokens: 4096, concurrency: concurrency + more, gpu });
        expect(b.gpus).toBeGreaterThanOrEqual(a.gpus);
        expect(b.totalGb).toBeGreaterThan(a.totalGb);
      }),
      { numRuns: 50 },
    );
  });

  it("infers LLaMA-like shapes from the parameter count", () => {
    const s = modelShape(65);
    expect(s.hidden).toBeGreaterThan(7000);
    expect(s.hidden).toBeLessThan(9500);
    expect(s.layers).toBeGreaterThan(60);
    expect(s.layers).toBeLessThan(100);
  });
});
