// The compute section of a plan: the workload (tokens per request), the model by task difficulty and language, the
// hosted API's cost from the one price table, self-hosted serving of the open model, the fine-tune, the services the
// workload needs, and the deployment with its reason code.
import { derived } from "~/domain/estimate/assumptions/book";
import type { EstimateContext } from "~/domain/estimate/context";
import type { DataVolumes } from "~/domain/estimate/data";
import { fineTunePlan } from "~/domain/estimate/fine-tune/plan";
import { apiPrice, PRICES, type ApiPrice } from "~/domain/estimate/kb";
import { roundMoney } from "~/domain/estimate/money";
import { servingPlan } from "~/domain/estimate/serving/plan";
import type { ApiEstimate, Compute, Derivation } from "~/domain/estimate/types";
import { convert, fromUsd } from "~/domain/estimate/units";
import type { Load } from "~/domain/estimate/workload/load";
import { chooseModel } from "~/domain/estimate/workload/model-choice";
import { planServices } from "~/domain/estimate/workload/services";
import { planWorkload } from "~/domain/estimate/workload/tokens";

export interface ComputeOutcome {
  compute: Compute;
  /** One-off compute of all fine-tune runs before launch, the owned serving hardware and the corpus embedding (plan currency). */
  fineTuneOneOff: number;
  hardwareOneOff: number;
  servicesOneOff: number;
  /** Monthly compute for periodic retraining after launch (plan currency). */
  retrainMonthly: number;
  /** Monthly cost at full use that scales with requests (API tokens, services), plan currency. */
  variableMonthly: number;
  /** Monthly serving cost that does not scale with requests (GPUs kept on all month: rent or power), plan currency. */
  fixedMonthly: number;
  /** Per-unit token prices so the Monte Carlo can redraw them. */
  apiTokenCost: { input: number; output: number; inPrice: number; outPrice: number; requests: number };
}

/** USD per million tokens of a price entry (CNY quotes converted at the plan's exchange rate). */
function usdPerMTok(ctx: EstimateContext, p: ApiPrice, v: number): number {
  return Math.round(convert({ currency: "USD", fx: ctx.fx }, v, p.currency) * 10000) / 10000;
}

function apiEstimate(
  ctx: EstimateContext,
  p: ApiPrice,
  requests: number,
  input: number,
  output: number,
  inUsd?: number,
  outUsd?: number,
): ApiEstimate {
  const i = inUsd ?? usdPerMTok(ctx, p, p.inputPerMTok);
  const o = outUsd ?? usdPerMTok(ctx, p, p.outputPerMTok);
  const usd = (requests * (input * i + output * o)) / 1e6;
  return {
    id: p.id,
    provider: p.provider,
    model: p.model,
    inputPerMTokUsd: i,
    outputPerMTokUsd: o,
    monthlyRequests: requests,
    monthlyInputTokens: requests * input,
    monthlyOutputTokens: requests * output,
    monthlyTokens: requests * (input + output),
    monthlyCostUsd: roundMoney(usd),
    monthlyCost: roundMoney(fromUsd(ctx, usd)),
    priceDate: p.date,
    citation: p.source,
  };
}

function deploymentReason(ctx: EstimateContext, api: string, open: string): Derivation {
  const d = ctx.profile.deployment.value;
  if (d !== "cloud_api") return { code: d === "on_prem" ? "deployment.on_premises" : "deployment.private_cloud", params: { model: open } };
  if (ctx.fineTune) return { code: "deployment.fine_tuned", params: { model: open } };
  return { code: "deployment.hosted_api", params: { model: api } };
}

export function planCompute(ctx: EstimateContext, v: DataVolumes, runs: number, load: Load): ComputeOutcome {
  const { book } = ctx;
  const workload = planWorkload(ctx);
  const choice = chooseModel(ctx);
  const { open, ...model } = choice;
  const price = apiPrice(model.apiId)!;
  book.text("compute.apiModel", price.id, { source: "default", derivation: model.derivation });
  book.text("compute.model", open.id, { source: "default", derivation: model.derivation });
  const modelSizeB = book.get("compute.modelSizeB", derived(open.paramsB, "model.open_size", { model: open.id }));
  const cite = `${price.provider} ${price.model}: ${price.source} (${price.date})`;
  const apiIn = book.get("compute.apiInputPerMTokUsd", { value: usdPerMTok(ctx, price, price.inputPerMTok), source: "kb", citation: cite });
  const apiOut = book.get("compute.apiOutputPerMTokUsd", {
    value: usdPerMTok(ctx, price, price.outputPerMTok),
    source: "kb",
    citation: cite,
  });
  const requests = load.monthlyRequests;
  const api = apiEstimate(ctx, price, requests, workload.inputTokens, workload.outputTokens, apiIn, apiOut);
  const apiAlternatives = PRICES.alternatives[ctx.locale]
    .filter((id) => id !== price.id)
    .map((id) => apiEstimate(ctx, apiPrice(id)!, requests, workload.inputTokens, workload.outputTokens));
  const serving = servingPlan(ctx, open, workload, load);
  const ft = fineTunePlan(ctx, v, runs, open);
  const deployment = ctx.selfHosted || ctx.fineTune ? "self_hosted" : "api";
  const ragQueries = ctx.rag ? requests * workload.steps : 0;
  const services = planServices(ctx, { requests, documents: v.documents, tokensPerDocument: 1000, ragQueries });
  const servicesMonthly = services.reduce((s, x) => s + x.monthlyCost, 0);
  const servicesOneOff = services.reduce((s, x) => s + fromUsd(ctx, x.oneOffUsd), 0);
  const inference = deployment === "api" ? api.monthlyCost : serving.monthlyCost;
  const ownedHardware = deployment === "self_hosted" && serving.ownership === "owned";
  const compute: Compute = {
    modelSizeB,
    deployment,
    deploymentReason: deploymentReason(ctx, price.id, open.id),
    model,
    workload,
    fineTune: ft.fineTune,
    fineTuneOptions: ft.options,
    serving,
    api,
    apiAlternatives,
    services,
    monthlyRequests: requests,
    monthlyCostAtFullUse: roundMoney(inference + servicesMonthly),
    exchangeRateCnyPerUsd: ctx.fx,
  };
  return {
    compute,
    fineTuneOneOff: ft.oneOff,
    hardwareOneOff: ownedHardware ? fromUsd(ctx, serving.purchaseUsd) : 0,
    servicesOneOff,
    retrainMonthly: ft.retrainMonthly,
    variableMonthly: (deployment === "api" ? inference : 0) + servicesMonthly,
    fixedMonthly: deployment === "api" ? 0 : inference,
    apiTokenCost: { input: workload.inputTokens, output: workload.outputTokens, inPrice: apiIn, outPrice: apiOut, requests },
  };
}
