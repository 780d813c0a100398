// `tierwise estimate finetune|serve`: the compute estimators on their own, for quick what-ifs.
// Bad input: exit 2, one stderr line per problem naming the flag, nothing on stdout.
import { estimateFineTune, estimateServing } from "~/domain/estimate/compute";
import { GPU_IDS } from "~/domain/estimate/kb";
import type { FineTuneMethod, GpuId, Precision } from "~/domain/estimate/types";
import { EXIT_BAD_INPUT, EXIT_OK, parseFlags, type CliIo } from "./cli";

const FINETUNE_FLAGS = ["params-b", "method", "examples", "tokens-per-example", "epochs", "gpu", "gpus", "format"];
const SERVE_FLAGS = ["params-b", "precision", "context", "concurrency", "gpu", "format"];

interface Problem {
  flag: string;
  message: string;
}

function num(flags: Map<string, string | true>, name: string, problems: Problem[], opts: { required?: boolean; min?: number; max?: number; integer?: boolean; fallback?: number }): number | undefined {
  const raw = flags.get(name);
  if (raw === undefined) {
    if (opts.required) problems.push({ flag: name, message: "is required" });
    return opts.fallback;
  }
  if (raw === true) {
    problems.push({ flag: name, message: "needs a value" });
    return undefined;
  }
  const v = Number(raw);
  if (!Number.isFinite(v) || raw.trim() === "") {
    problems.push({ flag: name, message: `must be a number (got "${raw}")` });
    return undefined;
  }
  if (opts.integer && !Number.isInteger(v)) problems.push({ flag: name, message: "must be a whole number" });
  else if (opts.min !== undefined && v < opts.min) problems.push({ flag: name, message: `must be at least ${opts.min}` });
  else if (opts.max !== undefined && v > opts.max) problems.push({ flag: name, message: `must be at most ${opts.max}` });
  else return v;
  return undefined;
}

function choice<T extends string>(flags: Map<string, string | true>, name: string, allowed: readonly T[], problems: Problem[], fallback?: T): T | undefined {
  const raw = flags.get(name);
  if (raw === undefined) {
    if (fallback === undefined) problems.push({ flag: name, message: `is required: one of ${allowed.join(", ")}` });
    return fallback;
  }
  if (raw === true || !allowed.includes(raw as T)) {
    problems.push({ flag: name, message: `must be one of ${allowed.join(", ")}` });
    return undefined;
  }
  return raw as T;
}

function unknownFlags(flags: Map<string, string | true>, known: string[], problems: Problem[]) {
  for (const k of flags.keys()) if (!known.includes(k)) problems.push({ flag: k, message: "is not a known flag" });
}

function fail(io: CliIo, problems: Problem[]): number {
  for (const p of problems) io.stderr(`--${p.flag}: ${p.message}\n`);
  return EXIT_BAD_INPUT;
}

function table(rows: [string, string][]): string {
  const w = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`).join("\n") + "\n";
}

const fmt = (v: number, digits = 2) => v.toLocaleString("en-US", { maximumFractionDigits: digits });

export async function runEstimate(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  const { positional, flags } = parseFlags(rest);
  const problems: Problem[] = [];
  if (positional.length) problems.push({ flag: "(args)", message: `unexpected argument "${positional[0]}"` });
  const format = choice(flags, "format", ["text", "json"] as const, problems, "text");

  if (sub === "finetune") {
    unknownFlags(flags, FINETUNE_FLAGS, problems);
    const paramsB = num(flags, "params-b", problems, { required: true, min: 0.01, max: 2000 });
    const method = choice(flags, "method", ["full", "lora", "qlora"] as const satisfies readonly FineTuneMethod[], problems);
    const examples = num(flags, "examples", problems, { required: true, min: 1, max: 1e10, integer: true });
    const tokens = num(flags, "tokens-per-example", problems, { required: true, min: 1, max: 1e7 });
    const epochs = num(flags, "epochs", problems, { required: true, min: 0.01, max: 1000 });
    const gpu = choice(flags, "gpu", GPU_IDS, problems);
    const gpus = num(flags, "gpus", problems, { min: 1, max: 100000, integer: true });
    if (problems.length) return fail(io, problems);
    const r = estimateFineTune({ paramsB: paramsB!, method: method!, examples: examples!, tokensPerExample: tokens!, epochs: epochs!, gpu: gpu as GpuId, gpus });
    if (format === "json") {
      io.stdout(JSON.stringify(r, null, 2) + "\n");
    } else {
      io.stdout(
        table([
          ["model", `${fmt(r.paramsB)}B, ${r.method}`],
          ["training tokens", `${fmt(r.trainingTokens, 0)} (${fmt(r.examples, 0)} × ${fmt(r.tokensPerExample, 0)} × ${fmt(r.epochs)} epochs)`],
          ["GPU", `${r.gpus} × ${r.gpu} (${r.gpuMemoryGb} GB)`],
          ["memory per GPU", `${fmt(r.memoryGbPerGpu, 1)} GB${r.fits ? "" : "  (does NOT fit)"}`],
          ["  weights / grads / optimizer", `${fmt(r.memoryBreakdownGb.weights, 1)} / ${fmt(r.memoryBreakdownGb.gradients, 1)} / ${fmt(r.memoryBreakdownGb.optimizer, 1)} GB`],
          ["  activations / overhead", `${fmt(r.memoryBreakdownGb.activations, 1)} / ${fmt(r.memoryBreakdownGb.overhead, 1)} GB`],
          ["fits", String(r.fits)],
          ["MFU (fine-tuning)", fmt(r.mfu, 3)],
          ["GPU-hours", fmt(r.gpuHours, 1)],
          ["wall time", `${fmt(r.wallHours, 2)} h`],
          ["cost", `$${fmt(r.costUsd, 0)} at $${fmt(r.pricePerGpuHourUsd)}/GPU-hour`],
        ]),
      );
    }
    return EXIT_OK;
  }
  if (sub === "serve") {
    unknownFlags(flags, SERVE_FLAGS, problems);
    const paramsB = num(flags, "params-b", problems, { required: true, min: 0.01, max: 2000 });
    const precision = choice(flags, "precision", ["fp16", "int8", "int4"] as const satisfies readonly Precision[], problems);
    const context = num(flags, "context", problems, { min: 1, max: 10_000_000, integer: true, fallback: 4096 });
    const concurrency = num(flags, "concurrency", problems, { min: 1, max: 1_000_000, integer: true, fallback: 8 });
    const gpu = choice(flags, "gpu", GPU_IDS, problems, "a100-80g");
    if (problems.length) return fail(io, problems);
    const r = estimateServing({ paramsB: paramsB!, precision: precision!, contextTokens: context!, concurrency: concurrency!, gpu: gpu as GpuId });
    if (format === "json") {
      io.stdout(JSON.stringify(r, null, 2) + "\n");
    } else {
      io.stdout(
        table([
          ["model", `${fmt(r.paramsB)}B at ${r.precision}`],
          ["weights", `${fmt(r.weightsGb, 1)} GB`],
          ["KV cache", `${fmt(r.kvCacheGb, 1)} GB (${fmt(r.contextTokens, 0)} tokens × ${r.concurrency} requests, ${fmt(r.kvBytesPerToken / 1024, 0)} KB/token)`],
          ["overhead", `${fmt(r.overheadGb, 1)} GB`],
          ["total", `${fmt(r.totalGb, 1)} GB`],
          ["GPUs", `${r.gpus} × ${r.gpu} (${r.gpuMemoryGb} GB)`],
          ["cost (24/7)", `$${fmt(r.monthlyCostUsd, 0)}/month at $${fmt(r.pricePerGpuHourUsd)}/GPU-hour`],
        ]),
      );
    }
    return EXIT_OK;
  }
  io.stderr(sub ? `estimate: unknown estimator "${sub}" (use finetune or serve)\n` : "estimate: give finetune or serve\n");
  return EXIT_BAD_INPUT;
}
