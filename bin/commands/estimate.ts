// `tierwise estimate finetune|serve`: the compute estimators on their own, for quick what-ifs. The flag bounds are the
// assumption registry's (the same limits a plan's assumption edits get), so the CLI and the web agree.
import { z } from "zod";
import { estimateFineTune, estimateServing } from "~/domain/estimate/compute";
import { ASSUMPTIONS, type AssumptionKey } from "~/domain/estimate/assumptions/registry";
import { GPU_IDS } from "~/domain/estimate/kb";
import type { GpuId } from "~/domain/estimate/types";
import { LIMITS } from "~/domain/scenario";
import { choiceFlag, EXIT_OK, numberFlag, parseCommand, printFieldErrors, type CliIo, type Command } from "../cli-io";

const bounds = (key: AssumptionKey, integer = false) => {
  const [min, max] = ASSUMPTIONS[key].bounds ?? [0, Number.MAX_VALUE];
  return numberFlag({ min, max, integer });
};
const required = <T extends z.ZodTypeAny>(schema: T, what: string) =>
  z.string({ required_error: `is required (${what})` }).pipe(schema as z.ZodType<z.output<T>, z.ZodTypeDef, string>);

const GPUS = GPU_IDS as unknown as readonly [GpuId, ...GpuId[]];
const FORMAT = choiceFlag(["text", "json"]).default("text");

const FINETUNE_USAGE = `usage: tierwise estimate finetune --params-b 7 --method full|lora|qlora --examples 52000 \\
    --tokens-per-example 512 --epochs 3 --gpu ${GPUS[0]} [--gpus 8] [--format text|json]

  Memory per GPU, GPU-hours, wall time and cost of one fine-tuning run. --tokens-per-example is the mean
  (examples are packed into 2,048-token sequences); LoRA and QLoRA run at micro-batch 1 with a paged optimizer.
  --gpu is one of: ${GPUS.join(", ")}. Without --gpus, the fewest GPUs that fit.
  --format json prints {memoryGbPerGpu, gpus, gpuHours, wallHours, costUsd, fits, …}.
`;

const SERVE_USAGE = `usage: tierwise estimate serve --params-b 13 --precision fp16|fp8|int8|int4 [--context 4096] [--concurrency 8] \\
    [--gpu a100-80g] [--format text|json]

  GPU memory (weights, KV cache, overhead) and GPUs needed to serve a model: the KV cache follows the attention
  (grouped-query) of the closest open model family; GPUs are a tensor-parallel degree (1, 2, 4 or 8).
  --format json prints {weightsGb, kvCacheGb, totalGb, gpus, …}.
`;

const USAGE = `usage: tierwise estimate finetune|serve [flags]

${FINETUNE_USAGE}
${SERVE_USAGE}`;

const FinetuneFlags = z.object({
  "params-b": required(bounds("compute.modelSizeB"), "the model size in billions of parameters"),
  method: choiceFlag(["full", "lora", "qlora"]),
  examples: required(numberFlag({ min: 1, max: LIMITS.countMax, integer: true }), "training examples"),
  "tokens-per-example": required(bounds("compute.tokensPerExample"), "tokens per example"),
  epochs: required(bounds("compute.epochs"), "passes over the data"),
  gpu: choiceFlag(GPUS),
  gpus: bounds("compute.fineTuneGpus", true).optional(),
  format: FORMAT,
});

const ServeFlags = z.object({
  "params-b": required(bounds("compute.modelSizeB"), "the model size in billions of parameters"),
  precision: choiceFlag(["fp16", "fp8", "int8", "int4"]),
  context: bounds("compute.servingContextTokens", true).default("4096"),
  concurrency: bounds("compute.servingConcurrency", true).default("8"),
  gpu: choiceFlag(GPUS).default("a100-80g"),
  format: FORMAT,
});

const FINETUNE_FLAGS = {
  "params-b": { type: "string" },
  method: { type: "string" },
  examples: { type: "string" },
  "tokens-per-example": { type: "string" },
  epochs: { type: "string" },
  gpu: { type: "string" },
  gpus: { type: "string" },
  format: { type: "string" },
} as const;
const SERVE_FLAGS = {
  "params-b": { type: "string" },
  precision: { type: "string" },
  context: { type: "string" },
  concurrency: { type: "string" },
  gpu: { type: "string" },
  format: { type: "string" },
} as const;

function table(rows: [string, string][]): string {
  const w = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`).join("\n") + "\n";
}

const fmt = (v: number, digits = 2) => v.toLocaleString("en-US", { maximumFractionDigits: digits });

function finetune(args: string[], io: CliIo): number {
  const parsed = parseCommand(args, FINETUNE_FLAGS, FinetuneFlags, { min: 0, max: 0, name: "(args)" });
  if (!parsed.ok) return printFieldErrors(io, parsed.errors);
  if (parsed.help) return (io.stdout(FINETUNE_USAGE), EXIT_OK);
  const f = parsed.flags;
  const r = estimateFineTune({
    paramsB: f["params-b"],
    method: f.method,
    examples: f.examples,
    tokensPerExample: f["tokens-per-example"],
    epochs: f.epochs,
    gpu: f.gpu,
    gpus: f.gpus,
  });
  if (f.format === "json") {
    io.stdout(JSON.stringify(r, null, 2) + "\n");
    return EXIT_OK;
  }
  io.stdout(
    table([
      ["model", `${fmt(r.paramsB)}B, ${r.method}`],
      ["training tokens", `${fmt(r.trainingTokens, 0)} (${fmt(r.examples, 0)} × ${fmt(r.tokensPerExample, 0)} × ${fmt(r.epochs)} epochs)`],
      ["GPU", `${r.gpus} × ${r.gpu} (${r.gpuMemoryGb} GB)`],
      ["memory per GPU", `${fmt(r.memoryGbPerGpu, 1)} GB${r.fits ? "" : "  (does NOT fit)"}`],
      [
        "  weights / grads / optimizer",
        `${fmt(r.memoryBreakdownGb.weights, 1)} / ${fmt(r.memoryBreakdownGb.gradients, 1)} / ${fmt(r.memoryBreakdownGb.optimizer, 1)} GB`,
      ],
      ["  activations / overhead", `${fmt(r.memoryBreakdownGb.activations, 1)} / ${fmt(r.memoryBreakdownGb.overhead, 1)} GB`],
      ["fits", String(r.fits)],
      [
        "MFU (fine-tuning)",
        `${fmt(r.mfu, 3)} at ${fmt(r.tokensPerStep, 0)} tokens per step${r.method === "qlora" ? " (QLoRA's slowdown against LoRA included)" : ""}`,
      ],
      ["GPU-hours", fmt(r.gpuHours, 1)],
      ["wall time", `${fmt(r.wallHours, 2)} h`],
      ["cost", `$${fmt(r.costUsd, 0)} at $${fmt(r.pricePerGpuHourUsd)}/GPU-hour`],
    ]),
  );
  return EXIT_OK;
}

function serve(args: string[], io: CliIo): number {
  const parsed = parseCommand(args, SERVE_FLAGS, ServeFlags, { min: 0, max: 0, name: "(args)" });
  if (!parsed.ok) return printFieldErrors(io, parsed.errors);
  if (parsed.help) return (io.stdout(SERVE_USAGE), EXIT_OK);
  const f = parsed.flags;
  const r = estimateServing({
    paramsB: f["params-b"],
    precision: f.precision,
    contextTokens: f.context,
    concurrency: f.concurrency,
    gpu: f.gpu,
  });
  if (f.format === "json") {
    io.stdout(JSON.stringify(r, null, 2) + "\n");
    return EXIT_OK;
  }
  io.stdout(
    table([
      ["model", `${fmt(r.paramsB)}B at ${r.precision}`],
      ["weights", `${fmt(r.weightsGb, 1)} GB`],
      [
        "KV cache",
        `${fmt(r.kvCacheGb, 1)} GB (${fmt(r.contextTokens, 0)} tokens × ${r.concurrency} requests, ${fmt(r.kvBytesPerToken / 1024, 0)} KiB/token, attention of ${r.architecture})`,
      ],
      ["overhead", `${fmt(r.overheadGb, 1)} GB`],
      ["total", `${fmt(r.totalGb, 1)} GB`],
      ["GPUs", `${r.gpus} × ${r.gpu} (${r.gpuMemoryGb} GB; tensor parallel ${r.gpusPerReplica})`],
      ["cost (24/7)", `$${fmt(r.monthlyCostUsd, 0)}/month at $${fmt(r.pricePerGpuHourUsd)}/GPU-hour`],
    ]),
  );
  return EXIT_OK;
}

async function run(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "finetune") return finetune(rest, io);
  if (sub === "serve") return serve(rest, io);
  if (sub === "--help" || sub === "-h") return (io.stdout(USAGE), EXIT_OK);
  return printFieldErrors(io, [
    { path: "estimator", message: sub ? `"${sub}" is not one: use finetune or serve` : "is missing: use finetune or serve" },
  ]);
}

export const estimateCommand: Command = {
  name: "estimate",
  summary: "compute estimators on their own (finetune, serve)",
  usage: USAGE,
  run,
};
