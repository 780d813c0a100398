// The compute section of a plan: the default model and deployment follow from the profile, then the fine-tune
// (with full / LoRA / QLoRA side by side), self-hosted serving and the hosted-API alternative.
import { apiMonthlyCostUsd, estimateFineTune, estimateServing, gpusToFit, type FineTuneJob } from "~/domain/estimate/compute";
import { factProvenance, fromUsd, type EstimateContext } from "~/domain/estimate/context";
import type { DataVolumes } from "~/domain/estimate/data-feedback";
import { EST, PRICES, apiPrice, gpuSpec, type ApiPrice } from "~/domain/estimate/kb";
import { roundMoney } from "~/domain/estimate/money";
import type { ApiEstimate, Compute, FineTuneEstimate, FineTuneMethod, GpuId, Precision } from "~/domain/estimate/types";

export const DEFAULT_TRAIN_GPU: GpuId = "a100-80g";
export const DEFAULT_SERVE_GPU: GpuId = "a100-80g";

export interface ComputeOutcome {
  compute: Compute;
  /** One-off compute cost of all fine-tune runs before launch (plan currency). */
  fineTuneOneOff: number;
  /** Monthly compute for periodic retraining after launch (plan currency). */
  retrainMonthly: number;
  /** Monthly inference cost of the chosen deployment (plan currency). */
  inferenceMonthly: number;
  /** Per-unit prices so the Monte Carlo can redraw them. */
  apiTokenCost: { input: number; output: number; inPrice: number; outPrice: number; requests: number };
  /** Registered here, where it first sets the request volume; the feedback plan reuses it. */
  workingDaysPerMonth: number;
}

function chooseMethod(ctx: EstimateContext): FineTuneMethod {
  if (ctx.techniques.has("qlora")) return "qlora";
  if (ctx.techniques.has("lora")) return "lora";
  if (ctx.techniques.has("sft")) return "full";
  return "lora";
}

export function planCompute(ctx: EstimateContext, v: DataVolumes, runs: number): ComputeOutcome {
  const { book, profile } = ctx;
  const C = EST.constants;
  const modelSizeB = book.num("compute.modelSizeB", {
    value: 13,
    source: "kb",
    citation: "seed (course notes): the models most used are 13B, 33B and 65B; a 13B open model fits one GPU for private deployment (最后用一张显卡就可以做私有化部署)",
    unit: "B params",
    label: { zh: "开源模型参数量", en: "Open model size" },
    group: "compute",
  });
  const gpu = gpuSpec(DEFAULT_TRAIN_GPU)!;
  const gpuPrice = book.num("compute.gpuPricePerHourUsd", {
    value: gpu.pricePerGpuHourUsd,
    source: "kb",
    citation: `${gpu.name}: ${gpu.priceSource} (${gpu.priceDate})`,
    unit: "USD/GPU-hour",
    label: { zh: "GPU 租用单价", en: "GPU price per hour" },
    group: "compute",
    range: gpu.priceRange,
  });
  const mfu = book.kb("compute.fineTuneMfu", C.fineTuneMfu, {
    unit: "fraction",
    label: { zh: "微调算力利用率 (MFU)", en: "Fine-tuning MFU" },
    group: "compute",
    range: { low: C.fineTuneMfu.low!, high: C.fineTuneMfu.high! },
  });

  // Fine-tune
  let fineTune: FineTuneEstimate | null = null;
  const fineTuneOptions: FineTuneEstimate[] = [];
  let fineTuneOneOff = 0;
  let retrainMonthly = 0;
  if (ctx.fineTune) {
    const tokensPerExample = book.num("compute.tokensPerExample", {
      value: 512,
      source: "kb",
      citation: "Alpaca README: max length 512 tokens (a cap; LIMA averages ≈ 750 tokens/example, arXiv:2305.11206)",
      unit: "tokens",
      label: { zh: "每条样本 token 数", en: "Tokens per example" },
      group: "compute",
      range: { low: 256, high: 1024 },
    });
    const epochs = book.num("compute.epochs", {
      value: 3,
      source: "kb",
      citation: "Alpaca README and FastChat (Vicuna): 3 epochs",
      unit: "epochs",
      label: { zh: "训练轮数", en: "Epochs" },
      group: "compute",
    });
    // No range although the KB has low/high: no Monte Carlo driver draws this key, so a range would overstate the P10–P90 bands.
    const loraRank = book.kb("compute.loraRank", C.loraRank, {
      unit: "rank",
      label: { zh: "LoRA 秩", en: "LoRA rank" },
      group: "compute",
    });
    const method = chooseMethod(ctx);
    const base: Omit<FineTuneJob, "method"> = {
      paramsB: modelSizeB,
      // Train on everything curated: the examples needed, or more when more are on hand.
      examples: Math.max(1, v.sftNeeded, profile.labeledExamples.value),
      tokensPerExample,
      epochs,
      gpu: DEFAULT_TRAIN_GPU,
      mfu,
      loraRank,
      pricePerGpuHourUsd: gpuPrice,
    };
    const fitGpus = gpusToFit({ ...base, method }, gpu);
    const gpus = book.num("compute.fineTuneGpus", {
      value: fitGpus,
      source: "default",
      citation: "the fewest GPUs on which the job fits (memory estimate, FORMULAS.md §3)",
      unit: "GPUs",
      label: { zh: "微调 GPU 数", en: "GPUs for fine-tuning" },
      group: "compute",
    });
    for (const m of ["full", "lora", "qlora"] as const) {
      const r = estimateFineTune({ ...base, method: m, gpus: m === method ? gpus : undefined });
      const est: FineTuneEstimate = { ...r, cost: roundMoney(fromUsd(ctx, r.costUsd) * runs), runs };
      fineTuneOptions.push(est);
      if (m === method) fineTune = est;
    }
    fineTuneOneOff = fineTune ? fineTune.cost : 0;
    const retrains = book.kb("cost.retrainsPerYear", EST.cost.retrainsPerYear, {
      unit: "runs/year",
      label: { zh: "上线后每年重训次数", en: "Retraining runs per year after launch" },
      group: "cost",
    });
    retrainMonthly = fineTune ? (fromUsd(ctx, fineTune.costUsd) * retrains) / 12 : 0;
  }

  // Load
  const u = EST.usage;
  const users = book.num("usage.users", {
    value: profile.users.value,
    ...factProvenance(profile.users, "usage.users"),
    unit: "users",
    label: { zh: "活跃用户数", en: "Active users" },
    group: "feedback",
    range: { low: profile.users.value * 0.5, high: profile.users.value * 1.5 },
  });
  const ipd = book.num("usage.interactionsPerUserPerDay", {
    value: profile.interactionsPerUserPerDay.value,
    ...factProvenance(profile.interactionsPerUserPerDay, "usage.interactionsPerUserPerDay"),
    unit: "per user per day",
    label: { zh: "每用户每日交互次数", en: "Interactions per user per day" },
    group: "feedback",
  });
  const days = book.kb("feedback.workingDaysPerMonth", EST.feedback.workingDaysPerMonth, {
    unit: "days/month",
    label: { zh: "每月工作日", en: "Working days per month" },
    group: "feedback",
  });
  const monthlyRequests = Math.round(users * ipd * days);
  const inputTokens = book.num("compute.inputTokensPerRequest", {
    value: u.inputTokensPerRequest.value + (ctx.rag ? u.ragExtraInputTokens.value : 0),
    source: "kb",
    citation: `${u.inputTokensPerRequest.source}${ctx.rag ? `; + ${u.ragExtraInputTokens.value} retrieved tokens: ${u.ragExtraInputTokens.source}` : ""}`,
    unit: "tokens/request",
    label: { zh: "每次请求输入 token", en: "Input tokens per request" },
    group: "compute",
    range: {
      low: u.inputTokensPerRequest.low! + (ctx.rag ? u.ragExtraInputTokens.low! : 0),
      high: u.inputTokensPerRequest.high! + (ctx.rag ? u.ragExtraInputTokens.high! : 0),
    },
  });
  const outputTokens = book.kb("compute.outputTokensPerRequest", u.outputTokensPerRequest, {
    unit: "tokens/request",
    label: { zh: "每次请求输出 token", en: "Output tokens per request" },
    group: "compute",
    range: { low: u.outputTokensPerRequest.low!, high: u.outputTokensPerRequest.high! },
  });
  // No range although the KB has low/high: no Monte Carlo driver draws this key, so a range would overstate the P10–P90 bands.
  const secondsPerRequest = book.kb("compute.secondsPerRequest", u.secondsPerRequest, {
    unit: "s",
    label: { zh: "单次请求耗时", en: "Seconds per request" },
    group: "compute",
  });
  const peakRps = (users * ipd * u.peakToAverage.value) / (u.activeHoursPerDay.value * 3600);
  const concurrency = book.num("compute.servingConcurrency", {
    value: Math.max(1, Math.ceil(peakRps * secondsPerRequest)),
    source: "default",
    citation: `peak concurrent requests = users × interactions/day × ${u.peakToAverage.value} (peak/average) ÷ (${u.activeHoursPerDay.value} h × 3600) × seconds per request`,
    unit: "requests",
    label: { zh: "峰值并发请求", en: "Peak concurrent requests" },
    group: "compute",
  });
  const context = book.num("compute.servingContextTokens", {
    value: 4096,
    source: "default",
    citation: "assumption: 4K context window per request (prompt + retrieved context + answer)",
    unit: "tokens",
    label: { zh: "推理上下文长度", en: "Serving context length" },
    group: "compute",
  });
  const precision: Precision = "fp16";
  const servingRaw = estimateServing({ paramsB: modelSizeB, precision, contextTokens: context, concurrency, gpu: DEFAULT_SERVE_GPU, pricePerGpuHourUsd: gpuPrice });
  const serving = { ...servingRaw, monthlyCost: roundMoney(fromUsd(ctx, servingRaw.monthlyCostUsd)) };

  // Hosted API alternative
  const defaultPrice = apiPrice(PRICES.defaults[ctx.locale])!;
  const apiTokenPrice = (key: "compute.apiInputPerMTokUsd" | "compute.apiOutputPerMTokUsd", perMTok: number, label: { zh: string; en: string }) =>
    book.num(key, {
      value: toUsdPrice(defaultPrice, perMTok, ctx.fx),
      source: "kb",
      citation: `${defaultPrice.provider} ${defaultPrice.model}: ${defaultPrice.source} (${defaultPrice.date})`,
      unit: "USD/M tokens",
      label,
      group: "compute",
    });
  const apiIn = apiTokenPrice("compute.apiInputPerMTokUsd", defaultPrice.inputPerMTok, { zh: "API 输入单价", en: "API input price" });
  const apiOut = apiTokenPrice("compute.apiOutputPerMTokUsd", defaultPrice.outputPerMTok, { zh: "API 输出单价", en: "API output price" });
  const api = apiEstimate(ctx, { ...defaultPrice, currency: "USD", inputPerMTok: apiIn, outputPerMTok: apiOut }, monthlyRequests, inputTokens, outputTokens);
  const apiAlternatives = PRICES.alternatives[ctx.locale].map((id) => apiEstimate(ctx, apiPrice(id)!, monthlyRequests, inputTokens, outputTokens));

  const deployment = ctx.selfHosted || ctx.fineTune ? "self_hosted" : "api";
  const deploymentReason =
    profile.deployment.value !== "cloud_api"
      ? {
          zh: `数据需留在${profile.deployment.value === "on_prem" ? "本地" : "私有云"}：在自有 GPU 上部署开源 ${modelSizeB}B 模型（${serving.gpus} 张 ${gpuSpec(DEFAULT_SERVE_GPU)!.name}）。`,
          en: `Data must stay ${profile.deployment.value === "on_prem" ? "on premises" : "in a private cloud"}: an open ${modelSizeB}B model served on the company's own GPUs (${serving.gpus} × ${gpuSpec(DEFAULT_SERVE_GPU)!.name}).`,
        }
      : ctx.fineTune
        ? {
            zh: `微调后的开源 ${modelSizeB}B 模型需要自己部署（云上 GPU）；托管 API 仅作对比。`,
            en: `A fine-tuned open ${modelSizeB}B model needs its own serving (cloud GPUs); the hosted API is shown for comparison.`,
          }
        : {
            zh: `无需微调且数据可出域：直接调用托管 API（${api.provider} ${api.model}），按 token 付费，无需运维 GPU。`,
            en: `No fine-tuning and data may leave the premises: call a hosted API (${api.provider} ${api.model}), pay per token, no GPUs to run.`,
          };
  const inferenceMonthly = deployment === "api" ? api.monthlyCost : serving.monthlyCost;
  return {
    compute: {
      modelSizeB,
      deployment,
      deploymentReason,
      fineTune,
      fineTuneOptions,
      serving,
      api,
      apiAlternatives,
      monthlyRequests,
      exchangeRateCnyPerUsd: ctx.fx,
    },
    fineTuneOneOff,
    retrainMonthly,
    inferenceMonthly,
    apiTokenCost: { input: inputTokens, output: outputTokens, inPrice: apiIn, outPrice: apiOut, requests: monthlyRequests },
    workingDaysPerMonth: days,
  };
}

function toUsdPrice(p: ApiPrice, v: number, fx: number): number {
  return p.currency === "USD" ? v : Math.round((v / fx) * 10000) / 10000;
}

function apiEstimate(ctx: EstimateContext, price: ApiPrice, monthlyRequests: number, inputTokens: number, outputTokens: number): ApiEstimate {
  const usd = apiMonthlyCostUsd(price, monthlyRequests, inputTokens, outputTokens, ctx.fx);
  return {
    provider: price.provider,
    model: price.model,
    inputPerMTokUsd: toUsdPrice(price, price.inputPerMTok, ctx.fx),
    outputPerMTokUsd: toUsdPrice(price, price.outputPerMTok, ctx.fx),
    monthlyRequests,
    monthlyInputTokens: monthlyRequests * inputTokens,
    monthlyOutputTokens: monthlyRequests * outputTokens,
    monthlyTokens: monthlyRequests * (inputTokens + outputTokens),
    monthlyCostUsd: roundMoney(usd),
    monthlyCost: roundMoney(fromUsd(ctx, usd)),
    priceDate: price.date,
    citation: price.source,
  };
}
